package org.joinedup.e2e;

import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.Topics;
import org.joinedup.testing.KafkaBroker;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.ServiceProcess;
import org.joinedup.testing.TestInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * One concern travels from an agency's REST call to the audit chronology through the packaged
 * services, a real broker and real databases; the services and the broker are stopped and killed
 * on the way, and nothing is lost or doubled.
 */
class ConcernToChronologyIT {
    static final String POLICE = TestTokens.token("pc-4471", "met-police", "practitioner");
    /** The police's own safeguarding lead: the police raised every concern here, so it reads them in full (docs/access.md). */
    static final String LEAD = TestTokens.token("lead-1", "met-police", "safeguarding-lead");

    /** The event ids of the chronology's concern-raised entries, duplicates kept. */
    static final String RAISED_EVENT_IDS = "entries.findAll { it.type == 'concern-raised' }.eventId";

    static ServiceProcess concerns;
    static ServiceProcess audit;

    @BeforeAll
    static void start() {
        TestInfrastructure.ensureStarted();
        concerns = new ServiceProcess("concern-service", "e2e_concern").start();
        audit = new ServiceProcess("audit-service", "e2e_audit").start();
    }

    @AfterAll
    static void stop() {
        if (concerns != null) {
            concerns.stop();
        }
        if (audit != null) {
            audit.stop();
        }
    }

    @Test
    void a_posted_concern_is_in_the_chronology_within_seconds() {
        Raised raised = raise(TestNhsNumbers.next());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chronology(raised.childId)
                .body(RAISED_EVENT_IDS, containsInAnyOrder(raised.eventId))
                .body("entries.type", containsInAnyOrder("child-registered", "concern-raised"))
                .body("entries.find { it.type == 'concern-raised' }.agencyId", equalTo("met-police"))
                .body("entries.find { it.type == 'concern-raised' }.data.category", equalTo("neglect")));
    }

    @Test
    void a_201_is_durable_even_if_the_service_is_killed_at_once_while_kafka_is_down() {
        KafkaBroker broker = TestInfrastructure.kafka();
        String nhs = TestNhsNumbers.next();
        Raised first;
        Raised second;
        broker.stop();
        try {
            first = raise(nhs);
            second = raise(nhs);
            concerns.kill();
        } finally {
            broker.startProcess();
        }
        concerns.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> chronology(first.childId)
                .body(RAISED_EVENT_IDS, containsInAnyOrder(first.eventId, second.eventId)));
    }

    @Test
    void with_the_audit_service_down_events_wait_in_kafka_and_a_twice_published_event_is_recorded_once() {
        String nhs = TestNhsNumbers.next();
        audit.stop();
        List<Raised> raised = new ArrayList<>();
        try (KafkaProbe probe = KafkaProbe.from(Topics.CONCERNS)) {
            for (int i = 0; i < 3; i++) {
                raised.add(raise(nhs));
            }
            // Publish the first event a second time, as a relay retry after a lost acknowledgement would.
            ConsumerRecord<String, String> record = probe.await(
                    KafkaProbe.withHeader(CloudEventHeaders.CE_ID, raised.get(0).eventId), Duration.ofSeconds(30));
            Map<String, byte[]> headers = new LinkedHashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value());
            }
            KafkaProbe.produce(Topics.CONCERNS, record.key(), record.value(), headers);
        } finally {
            audit.start();
        }
        String child = raised.get(0).childId;
        // Three concerns from one agency may also raise a bigger-picture flag in the same chronology;
        // what matters here is that each concern-raised event is recorded exactly once.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> chronology(child)
                .body(RAISED_EVENT_IDS, containsInAnyOrder(raised.stream().map(r -> r.eventId).toArray()))
                // Every stream arrived whole and in order, although the audit service was down meanwhile.
                .body("gaps", org.hamcrest.Matchers.hasSize(0)));
    }

    @Test
    void a_sisters_nhs_number_on_her_brothers_record_makes_two_children_two_chronologies_and_a_queued_conflict() {
        String nhs = TestNhsNumbers.next();
        Raised sister = raise("""
                {"nhsNumber": "%s", "familyName": "Okonkwo", "givenName": "Adaeze", "dateOfBirth": "2016-04-09",
                 "postcode": "N17 6RA"}""".formatted(nhs));
        Raised brother = raise("""
                {"nhsNumber": "%s", "familyName": "Okonkwo", "givenName": "Chidi", "dateOfBirth": "2012-10-30",
                 "postcode": "N17 6RA"}""".formatted(nhs));
        org.junit.jupiter.api.Assertions.assertNotEquals(sister.childId, brother.childId);
        given().baseUri(concerns.baseUrl()).auth().oauth2(LEAD).queryParam("childId", brother.childId)
                .get("/children/candidates").then().statusCode(200)
                .body("reason", org.hamcrest.Matchers.contains("nhs-number-conflict"))
                .body("[0].against", org.hamcrest.Matchers.hasItems("different given names", "different dates of birth"));
        // Her chronology holds her concern and not his: nothing joined on contradicted evidence.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chronology(sister.childId)
                .body(RAISED_EVENT_IDS, containsInAnyOrder(sister.eventId)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chronology(brother.childId)
                .body(RAISED_EVENT_IDS, containsInAnyOrder(brother.eventId)));
    }

    record Raised(String eventId, String childId) {
    }

    static Raised raise(String nhsNumberOrChild) {
        String child = nhsNumberOrChild.startsWith("{") ? nhsNumberOrChild : "{\"nhsNumber\": \"" + nhsNumberOrChild + "\"}";
        var body = given().baseUri(concerns.baseUrl()).auth().oauth2(POLICE).contentType("application/json")
                .body("""
                        {"child": %s, "category": "neglect", "riskLevel": "medium",
                         "description": "Left alone overnight.", "occurredAt": "2026-11-20T22:00:00Z"}"""
                        .formatted(child))
                .post("/concerns").then().statusCode(201).extract();
        return new Raised(body.path("eventId"), body.path("childId"));
    }

    static ValidatableResponse chronology(String childId) {
        return given().baseUri(audit.baseUrl()).auth().oauth2(LEAD)
                .get("/children/" + childId + "/chronology").then().statusCode(200);
    }
}
