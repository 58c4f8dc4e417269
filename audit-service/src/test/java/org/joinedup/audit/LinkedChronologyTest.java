package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Linked child records read as one chronology; unlinking separates them; filters narrow it; unknown types are kept. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class LinkedChronologyTest {
    @org.junit.jupiter.api.BeforeAll
    static void area() {
        Events.haringey();
    }

    static final String LEAD = TestTokens.token("lead-4", "haringey-csc", Roles.SAFEGUARDING_LEAD);
    static final String INSPECTOR = TestTokens.token("inspector-4", "ofsted", Roles.INSPECTOR);

    static ValidatableResponse chronology(UUID child, String... query) {
        var request = given().auth().oauth2(LEAD);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/children/" + child + "/chronology").then();
    }

    @Test
    void linked_records_appear_as_one_chronology_and_unlinking_separates_them_again() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        EventEnvelope police = Events.publish(Events.concern(a, "met-police", "neglect", Instant.parse("2026-10-01T10:00:00Z")));
        EventEnvelope school = Events.publish(Events.concern(b, "northside-primary", "missing-from-education", Instant.parse("2026-10-05T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(b).statusCode(200).body("total", equalTo(1)));
        UUID link = UUID.randomUUID();
        Instant linkedAt = Instant.parse("2026-11-10T12:00:00Z");
        TestEvents.publish(new ChildRecordsLinked(link, a, b, null, "same child", "lead-4", linkedAt), "/concern-service");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(a).statusCode(200)
                .body("linkedRecords", contains(b.toString()))
                .body("entries.findAll { it.type == 'concern-raised' }.eventId", contains(police.id().toString(), school.id().toString()))
                .body("entries.find { it.eventId == '" + school.id() + "' }.childRecord", equalTo(b.toString())));
        chronology(b).body("linkedRecords", contains(a.toString()));

        TestEvents.publish(new ChildRecordsUnlinked(link, a, b, "twins", "lead-4", Instant.parse("2026-11-15T12:00:00Z")),
                "/concern-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(a)
                .body("linkedRecords", hasSize(0))
                .body("entries.findAll { it.type == 'concern-raised' }.eventId", contains(police.id().toString())));

        // As it stood between the link and the unlink, the records were one.
        given().auth().oauth2(INSPECTOR).queryParam("asOf", "2026-11-12T00:00:00Z").get("/inspection/children/" + a + "/chronology")
                .then().statusCode(200).body("linkedRecords", contains(b.toString()))
                .body("entries.findAll { it.type == 'concern-raised' }.eventId", containsInAnyOrder(police.id().toString(), school.id().toString()));
    }

    @Test
    void a_chronology_narrows_by_agency_category_type_and_when_it_happened() {
        UUID child = UUID.randomUUID();
        Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-09-01T10:00:00Z")));
        Events.publish(Events.concern(child, "met-police", "domestic-abuse", Instant.parse("2026-10-01T10:00:00Z")));
        Events.publish(Events.concern(child, "whittington-health", "neglect", Instant.parse("2026-11-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).body("total", equalTo(3)));
        chronology(child, "agencyId", "met-police").body("total", equalTo(2));
        chronology(child, "category", "neglect").body("entries.agencyId", contains("met-police", "whittington-health"));
        chronology(child, "type", "concern-raised", "from", "2026-09-15T00:00:00Z", "to", "2026-10-15T00:00:00Z")
                .body("entries.data.category", contains("domestic-abuse"));
        chronology(child, "type", "concern-amended").body("total", equalTo(0));
    }

    @Test
    void bad_filters_are_400_naming_each_field() {
        chronology(UUID.randomUUID(), "category", "gossip", "type", "rumour-spread", "from", "2026-11-02T00:00:00Z",
                "to", "2026-11-01T00:00:00Z").statusCode(400)
                .body("violations.field", containsInAnyOrder("category", "type", "to"))
                .body("violations.rule", containsInAnyOrder("one-of", "event-type", "not-before-from"));
        chronology(UUID.randomUUID(), "from", "last week").statusCode(400).body("violations[0].rule", equalTo("instant"));
    }

    @Test
    void an_event_of_an_unknown_type_is_stored_chained_and_flagged_not_dropped() {
        UUID id = UUID.randomUUID();
        EventEnvelope future = new EventEnvelope(id, "/referral-service", "referral-teleported", UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T10:00:00Z"), 1, "haringey-csc", "sw-1", UUID.randomUUID(), null,
                Instant.parse("2026-11-20T10:00:01Z"));
        KafkaProbe.produce(Topics.REFERRALS, future.subject(), "{\"referralId\": \"r-1\", \"where\": \"elsewhere\"}",
                CloudEventHeaders.toHeaders(future));
        EventEnvelope newer = new EventEnvelope(UUID.randomUUID(), "/concern-service", "concern-raised", UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T10:00:00Z"), 99, "met-police", "pc-1", UUID.randomUUID(), null, null);
        KafkaProbe.produce(Topics.CONCERNS, newer.subject(), "{\"anything\": true}", CloudEventHeaders.toHeaders(newer));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(INSPECTOR)
                .get("/inspection/unknown-events").then().statusCode(200)
                .body("eventId", org.hamcrest.Matchers.hasItems(id.toString(), newer.id().toString())));
        given().auth().oauth2(INSPECTOR).get("/inspection/unknown-events").then()
                .body("find { it.eventId == '" + id + "' }.type", equalTo("referral-teleported"))
                .body("find { it.eventId == '" + newer.id() + "' }.schemaVersion", equalTo(99));
        given().auth().oauth2(INSPECTOR).get("/inspection/verification").then().body("intact", equalTo(true));
        given().auth().oauth2(LEAD).get("/inspection/unknown-events").then().statusCode(403);
    }


    @Test
    void a_missing_or_late_event_of_a_stream_is_flagged_on_the_chronology_never_silently() {
        UUID child = UUID.randomUUID();
        String stream = "concern-" + UUID.randomUUID();
        publishInStream(child, stream, 1, "2026-11-01T10:00:00Z");
        publishInStream(child, stream, 3, "2026-11-03T10:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).statusCode(200)
                .body("total", equalTo(2))
                .body("gaps.kind", contains("missing"))
                .body("gaps[0].streamId", equalTo(stream))
                .body("gaps[0].expectedVersion", equalTo(2))
                .body("gaps[0].receivedVersion", equalTo(3)));
        publishInStream(child, stream, 2, "2026-11-02T10:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child)
                .body("total", equalTo(3))
                .body("gaps.kind", contains("missing", "out-of-order")));
        given().auth().oauth2(INSPECTOR).get("/inspection/verification").then().body("intact", equalTo(true));
    }

    static void publishInStream(UUID child, String stream, int version, String at) {
        var event = Events.concern(child, "met-police", "neglect", Instant.parse(at));
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/concern-service", "concern-raised", child.toString(),
                event.occurredAt(), 1, "met-police", "pc-1", UUID.randomUUID(), null, event.recordedAt());
        var headers = new java.util.HashMap<>(CloudEventHeaders.toHeaders(envelope));
        headers.put(CloudEventHeaders.CE_STREAMID, stream.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.put(CloudEventHeaders.CE_STREAMVERSION, Integer.toString(version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        KafkaProbe.produce(Topics.CONCERNS, child.toString(), org.joinedup.events.EventJson.write(event), headers);
    }
}
