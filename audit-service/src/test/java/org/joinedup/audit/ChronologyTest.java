package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.platform.consume.DeadLetters;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class ChronologyTest {
    @org.junit.jupiter.api.BeforeAll
    static void area() {
        Events.haringey();
    }

    static final String LEAD = TestTokens.token("lead-1", "haringey-csc", Roles.SAFEGUARDING_LEAD);

    static ValidatableResponse chronology(UUID child) {
        return given().auth().oauth2(LEAD).get("/children/" + child + "/chronology").then();
    }

    @Test
    void concerns_from_several_agencies_appear_in_the_order_they_happened_not_the_order_they_arrived() {
        UUID child = UUID.randomUUID();
        EventEnvelope late = Events.publish(Events.concern(child, "whittington-health", "neglect",
                Instant.parse("2026-10-05T10:00:00Z")));
        EventEnvelope early = Events.publish(Events.concern(child, "met-police", "domestic-abuse",
                Instant.parse("2026-09-01T23:10:00Z")));
        Events.publish(Events.concern(UUID.randomUUID(), "met-police", "neglect", Instant.parse("2026-09-02T00:00:00Z")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).statusCode(200)
                .body("total", equalTo(2))
                .body("entries.eventId", contains(early.id().toString(), late.id().toString()))
                .body("entries.agencyId", contains("met-police", "whittington-health"))
                .body("entries.type", contains("concern-raised", "concern-raised"))
                .body("entries[0].occurredAt", equalTo("2026-09-01T23:10:00Z"))
                .body("entries[0].recordedAt", equalTo("2026-09-02T00:10:00Z"))
                .body("entries[0].data.category", equalTo("domestic-abuse")));
    }

    @Test
    void an_event_delivered_twice_is_one_entry() {
        UUID child = UUID.randomUUID();
        ConcernRaised event = Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-01T10:00:00Z"));
        EventEnvelope envelope = Events.publish(event);
        Events.publish(envelope, EventJson.write(event));
        UUID marker = Events.publish(Events.concern(child, "met-police", "other", Instant.parse("2026-11-02T10:00:00Z"))).id();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).statusCode(200)
                .body("entries.eventId", hasSize(2))
                .body("entries[1].eventId", equalTo(marker.toString())));
        chronology(child).body("entries.eventId", contains(envelope.id().toString(), marker.toString()));
    }

    @Test
    void an_unreadable_message_goes_to_the_dead_letter_topic_with_its_reason_and_consumption_goes_on() {
        UUID child = UUID.randomUUID();
        ConcernRaised event = Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-01T10:00:00Z"));
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/concern-service", "concern-raised",
                child.toString(), event.occurredAt(), 1, "met-police", "p", null, null, null);
        Events.publish(envelope, "{this is not json");

        Map<String, byte[]> noType = new HashMap<>(CloudEventHeaders.toHeaders(new EventEnvelope(UUID.randomUUID(),
                "/concern-service", "concern-raised", child.toString(), event.occurredAt(), 1, "met-police", "p",
                null, null, null)));
        noType.remove(CloudEventHeaders.CE_TYPE);
        KafkaProbe.produce(Topics.CONCERNS, child.toString(), EventJson.write(event), noType);

        EventEnvelope good = Events.publish(event);

        try (KafkaProbe dead = KafkaProbe.from(DeadLetters.topicFor(Topics.CONCERNS))) {
            // Each consumer of the topic dead-letters what it cannot read, naming itself: the ledger's is the one here.
            ConsumerRecord<String, String> notJson = dead.await(r -> envelope.id().toString()
                    .equals(KafkaProbe.header(r, CloudEventHeaders.CE_ID))
                    && "audit-ledger-chained".equals(KafkaProbe.header(r, DeadLetters.CONSUMER)), Duration.ofSeconds(30));
            assertEquals("{this is not json", notJson.value());
            assertEquals(Topics.CONCERNS, KafkaProbe.header(notJson, DeadLetters.ORIGINAL_TOPIC));
            assertEquals("audit-ledger-chained", KafkaProbe.header(notJson, DeadLetters.CONSUMER));
            org.hamcrest.MatcherAssert.assertThat(KafkaProbe.header(notJson, DeadLetters.REASON),
                    containsString("not a valid concern-raised"));

            List<ConsumerRecord<String, String>> missingType = dead.awaitCount(r -> child.toString().equals(r.key())
                    && KafkaProbe.header(r, DeadLetters.REASON).contains("ce_type")
                    && "audit-ledger-chained".equals(KafkaProbe.header(r, DeadLetters.CONSUMER)), 1, Duration.ofSeconds(30));
            assertEquals(1, missingType.size());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).statusCode(200)
                .body("entries.eventId", contains(good.id().toString())));
    }

    @Test
    void the_ledger_refuses_updates_and_deletes_even_from_sql() throws Exception {
        UUID child = UUID.randomUUID();
        Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).body("total", equalTo(1)));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            for (String sql : List.of("update ledger_entry set agency_id = 'someone-else' where child_id = '" + child + "'",
                    "delete from ledger_entry where child_id = '" + child + "'", "truncate ledger_entry")) {
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        java.sql.SQLException.class, () -> st.execute(sql));
                // The service's own role lacks the privilege; the owner would meet the trigger (LedgerVerificationTest).
                org.hamcrest.MatcherAssert.assertThat(refused.getMessage(), containsString("permission denied"));
            }
        }
        chronology(child).body("entries[0].agencyId", equalTo("met-police"));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void each_read_of_a_chronology_emits_record_accessed_which_reaches_the_ledger_but_not_the_chronology() throws Exception {
        UUID child = UUID.randomUUID();
        Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).body("total", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1L, ledgerEntries(child, "record-accessed")));
        org.hamcrest.MatcherAssert.assertThat(org.joinedup.testing.TestEvents.accesses(dataSource, child.toString()),
                org.hamcrest.Matchers.hasItem("haringey-csc chronology lead-1 -"));
        assertEquals("front-door", basisOfLastRead(child));
        chronology(child).body("total", equalTo(1)).body("entries.type", contains("concern-raised"));
        // A child nobody recorded is not found, and leaves no trace.
        UUID unknown = UUID.randomUUID();
        chronology(unknown).statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), org.joinedup.testing.TestEvents.accesses(dataSource, unknown.toString()));
    }

    String basisOfLastRead(UUID child) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "select payload->>'basis' from event_store where event_type = 'record-accessed' and subject = ? "
                        + "order by global_position desc limit 1")) {
            ps.setString(1, child.toString());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    long ledgerEntries(UUID child, String type) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "select count(*) from ledger_entry where child_id = ? and event_type = ?")) {
            ps.setObject(1, child);
            ps.setString(2, type);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void only_safeguarding_leads_read_a_chronology() {
        UUID child = UUID.randomUUID();
        given().get("/children/" + child + "/chronology").then().statusCode(401);
        for (String role : List.of(Roles.PRACTITIONER, Roles.INSPECTOR, Roles.DIRECTORY_ADMIN)) {
            given().auth().oauth2(TestTokens.token("user", "met-police", role))
                    .get("/children/" + child + "/chronology").then().statusCode(403);
        }
        chronology(child).statusCode(404);
    }

    @Test
    void a_chronology_is_read_newest_first_and_narrowed_to_a_kind_of_record_or_a_wellbeing_indicator() {
        UUID child = UUID.randomUUID();
        EventEnvelope first = Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-09-01T10:00:00Z")));
        ConcernRaised healthy = new ConcernRaised(UUID.randomUUID(), child, "whittington-health", "nurse-1",
                null, "physical-abuse", List.of("healthy"), "medium", "Bruising.", null,
                Instant.parse("2026-10-01T10:00:00Z"), Instant.parse("2026-10-01T11:00:00Z"));
        EventEnvelope second = Events.publish(healthy);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).statusCode(200)
                .body("entries.findAll { it.type == 'concern-raised' }.eventId", hasSize(2)));
        given().auth().oauth2(LEAD).queryParam("order", "newest").queryParam("kind", "concern")
                .get("/children/" + child + "/chronology").then().statusCode(200)
                .body("entries.eventId", contains(second.id().toString(), first.id().toString()));
        given().auth().oauth2(LEAD).queryParam("indicator", "healthy").get("/children/" + child + "/chronology").then()
                .statusCode(200).body("entries.eventId", contains(second.id().toString()));
        given().auth().oauth2(LEAD).queryParam("kind", "referral").get("/children/" + child + "/chronology").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(LEAD).queryParam("kind", "gossip").queryParam("indicator", "happy").queryParam("order", "up")
                .get("/children/" + child + "/chronology").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "indicator", "order"));
    }

    @Test
    void the_significant_entries_are_the_concerns_and_decisions_and_the_process_is_the_rest() {
        UUID child = UUID.randomUUID();
        EventEnvelope concern = Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-09-01T10:00:00Z")));
        UUID team = UUID.randomUUID();
        var member = new org.joinedup.events.team.TeamMember(UUID.randomUUID(), "practitioner", null, "Practitioner",
                "whittington-health", "nurse-1");
        EventEnvelope formed = Events.publish(new org.joinedup.events.team.TeamAroundChildFormed(team, child, null,
                List.of(member), 4, java.time.LocalDate.parse("2026-10-01"), "dsl", "haringey-csc",
                Instant.parse("2026-09-02T10:00:00Z")), "haringey-csc");
        EventEnvelope action = Events.publish(new org.joinedup.events.team.ActionAgreed(team, child, UUID.randomUUID(),
                "Health visitor to call weekly", member.memberId(), java.time.LocalDate.parse("2026-09-20"), "lp",
                Instant.parse("2026-09-03T10:00:00Z")), "haringey-csc");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(child).statusCode(200).body("total", equalTo(3)));
        given().auth().oauth2(LEAD).queryParam("significance", "significant").get("/children/" + child + "/chronology")
                .then().statusCode(200).body("total", equalTo(2))
                .body("entries.eventId", contains(concern.id().toString(), formed.id().toString()));
        given().auth().oauth2(LEAD).queryParam("significance", "process").get("/children/" + child + "/chronology")
                .then().statusCode(200).body("total", equalTo(1))
                .body("entries.eventId", contains(action.id().toString()));
        given().auth().oauth2(LEAD).queryParam("significance", "significant").queryParam("kind", "team")
                .get("/children/" + child + "/chronology").then().statusCode(200)
                .body("entries.eventId", contains(formed.id().toString()));
        given().auth().oauth2(LEAD).queryParam("significance", "important").get("/children/" + child + "/chronology")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("significance")).body("violations.rule", contains("one-of"));
    }

    @Test
    void a_malformed_child_id_or_page_is_a_problem_naming_the_field() {
        given().auth().oauth2(LEAD).get("/children/not-a-child/chronology?limit=0").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("childId", "limit"))
                .body("violations.rule", contains("uuid", "range"));
        given().auth().oauth2(LEAD).get("/children/" + UUID.randomUUID() + "/chronology?offset=x").then()
                .statusCode(400).body("violations[0].field", equalTo("offset"));
    }
}
