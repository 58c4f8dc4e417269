package org.joinedup.concern;

import org.joinedup.testing.TestNhsNumbers;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.concernByName;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class ConcernResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_raised_concern_is_stored_answered_201_and_published_as_a_cloudevent_keyed_by_child() throws Exception {
        String nhs = TestNhsNumbers.next();
        Response created = as(practitioner(POLICE))
                .header("X-Correlation-Id", "8f2c7d4e-1b9a-4c3d-9e8f-7a6b5c4d3e2f")
                .body(concern(nhs, "physical-abuse", "2026-11-20T21:30:00Z"))
                .post("/concerns");
        created.then().statusCode(201)
                .header("Location", endsWith("/concerns/" + created.jsonPath().getString("concernId")))
                .header("ETag", "\"1\"")
                .body("childId", notNullValue())
                .body("version", equalTo(1));
        String concernId = created.jsonPath().getString("concernId");
        String childId = created.jsonPath().getString("childId");
        String eventId = created.jsonPath().getString("eventId");

        assertEquals(1, count("select count(*) from event_store where stream_id = 'concern-" + concernId + "'"));

        try (KafkaProbe probe = KafkaProbe.from(Topics.CONCERNS);
             CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            ConsumerRecord<String, String> record = probe.await(
                    KafkaProbe.withHeader(CloudEventHeaders.CE_ID, eventId), Duration.ofSeconds(30));
            assertEquals(childId, record.key());

            CloudEvent event = sdk.deserialize(record.topic(), record.headers(),
                    record.value().getBytes(StandardCharsets.UTF_8));
            assertEquals("concern-raised", event.getType());
            assertEquals("/concern-service", event.getSource().toString());
            assertEquals(childId, event.getSubject());
            assertEquals("2026-11-20T21:30Z", event.getTime().toString());
            assertEquals(POLICE, event.getExtension("agencyid"));
            assertEquals("8f2c7d4e-1b9a-4c3d-9e8f-7a6b5c4d3e2f", event.getExtension("correlationid"));
            assertEquals("1", String.valueOf(event.getExtension("schemaversion")));

            ConcernRaised raised = (ConcernRaised) EventJson.read("concern-raised", 1, record.value());
            assertEquals(UUID.fromString(concernId), raised.concernId());
            assertEquals("physical-abuse", raised.category());
            assertEquals(nhs, raised.child().nhsNumber());
        }
        assertEquals(0, awaitOutboxEmpty());
    }

    @Test
    void the_raising_agency_reads_its_concern_with_an_etag() {
        String id = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(201).extract().path("concernId");

        as(practitioner(POLICE)).get("/concerns/" + id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("concernId", equalTo(id))
                .body("agencyId", equalTo(POLICE))
                .body("practitionerId", equalTo("practitioner-of-" + POLICE))
                .body("category", equalTo("neglect"))
                .body("childsVoice", equalTo("I fell over."))
                .body("status", equalTo("raised"));
    }

    @Test
    void another_agency_gets_404_as_if_the_concern_did_not_exist() {
        String id = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(201).extract().path("concernId");

        as(practitioner(HEALTH)).get("/concerns/" + id).then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(practitioner(HEALTH)).get("/concerns/" + UUID.randomUUID()).then().statusCode(404);
        as(practitioner(HEALTH)).get("/concerns/not-a-uuid").then().statusCode(404);
    }

    @Test
    void the_agency_comes_from_the_token_and_a_body_cannot_override_it() {
        String body = concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z")
                .replaceFirst("\\{", "{\"agencyId\": \"" + HEALTH + "\", ");
        String id = raise(practitioner(POLICE), body).statusCode(201).extract().path("concernId");
        as(practitioner(POLICE)).get("/concerns/" + id).then().statusCode(200).body("agencyId", equalTo(POLICE));
    }

    @Test
    void one_child_is_found_again_by_nhs_number_and_by_normalised_names_date_of_birth_and_postcode_district() {
        String nhs = TestNhsNumbers.next();
        String first = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(201).extract().path("childId");
        String again = raise(practitioner(HEALTH), concern(nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " "
                + nhs.substring(6), "self-harm", "2026-11-19T09:00:00Z")).statusCode(201).extract().path("childId");
        assertEquals(first, again);

        String family = "Okafor-" + UUID.randomUUID().toString().substring(0, 8);
        String a = raise(practitioner(POLICE), concernByName(family, "Chidi", "2015-06-01", "N17 6RA")).statusCode(201)
                .extract().path("childId");
        String b = raise(practitioner(HEALTH), concernByName(family.toUpperCase().replace("-", " "), " chidi ",
                "2015-06-01", "n176ab")).statusCode(201).extract().path("childId");
        String other = raise(practitioner(HEALTH), concernByName(family, "Chidi", "2015-06-02", "N17 6RA")).statusCode(201)
                .extract().path("childId");
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void a_token_without_an_agency_cannot_raise_a_concern() {
        String token = TestTokens.token("someone", null, Roles.PRACTITIONER);
        raise(token, concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(403).contentType("application/problem+json");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long awaitOutboxEmpty() throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outbox") == 0);
        return count("select count(*) from outbox");
    }
}
