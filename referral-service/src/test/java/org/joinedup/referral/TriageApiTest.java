package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.frontdoor.TriageViews;
import org.joinedup.referral.watch.ClockSweep;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door's triage queue (issue 26): concerns arriving on concerns.events enter the queue of the
 * child's front door, grouped by child; each success, each bad input, each role refused. Real PostgreSQL,
 * Kafka and signed tokens.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class TriageApiTest {
    @Inject
    DirectoryQueries directory;

    @Inject
    TriageViews triage;

    @Inject
    DataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    ClockSweep sweep;

    ReferralWorld w;

    @BeforeEach
    void world() {
        w = new ReferralWorld().publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.awaiting(w.csc, w.child).isPresent());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String item() {
        return triage.awaiting(w.csc, w.child).orElseThrow().toString();
    }

    static ConcernRaised concern(UUID child, String agency, String risk, Instant recordedAt) {
        return new ConcernRaised(UUID.randomUUID(), child, agency, "p-1", new ChildIdentification(null, "Mensah", "Ama",
                LocalDate.of(2018, 3, 4), "N17 0AA", List.of()), "neglect", List.of("safe"), risk, "no food in the house",
                null, recordedAt.minusSeconds(600), recordedAt);
    }

    @Test
    void a_concern_enters_its_front_door_s_queue_and_only_the_front_door_reads_it() {
        String id = item();
        practitioner(w.csc).get("/triage?childId=" + w.child).then().statusCode(200)
                .body("items", hasSize(1), "items[0].triageId", equalTo(id), "items[0].status", equalTo("awaiting-decision"),
                        "items[0].highestRisk", equalTo("high"), "items[0].clock", equalTo("running"),
                        "items[0].contacts[0].source", equalTo("concern"),
                        "items[0].contacts[0].sourceId", equalTo(w.concern.toString()),
                        "items[0].contacts[0].fromAgency", equalTo(w.police), "items[0].decisionDueBy", notNullValue(),
                        "items[0].visibility", equalTo("full"));
        lead(w.csc).get("/triage/" + id).then().statusCode(200).header("ETag", "\"1\"").body("childId", equalTo(w.child.toString()));
        // Another agency's queue is its own: the police, who raised it, do not see the front door's queue.
        practitioner(w.police).get("/triage?childId=" + w.child).then().statusCode(200).body("items", hasSize(0));
        practitioner(w.police).get("/triage/" + id).then().statusCode(404).contentType("application/problem+json");
        lead(w.school).get("/triage/" + id).then().statusCode(404);
        assertEquals(List.of("contact-received"), TestEvents.types(dataSource, "triage-" + id));
        assertTrue(TestEvents.accesses(dataSource, w.child.toString()).stream().anyMatch(a -> a.startsWith(w.csc + " triage ")),
                "the read left a trace");
    }

    @Test
    void a_second_concern_joins_the_item_the_decision_covers_both_once_and_a_later_concern_opens_a_new_item() {
        String id = item();
        ConcernRaised school = concern(w.child, w.school, "medium", Instant.now().minusSeconds(60));
        TestEvents.publish(school, "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.get(UUID.fromString(id), Instant.now()).orElseThrow()
                .contacts().size() == 2);
        TestEvents.publish(school, "/concern-service"); // delivered twice: joins once
        lead(w.csc).body("""
                {"outcome": "strategy-discussion", "reason": "bruising and no food: reasonable cause to suspect significant harm"}""")
                .post("/triage/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("decided"), "decision.outcome", equalTo("strategy-discussion"),
                        "decision.contacts", containsInAnyOrder(w.concern.toString(), school.concernId().toString()),
                        "decision.raisedBy", containsInAnyOrder(w.police, w.school), "decision.decidedBy", equalTo("dsl-" + w.csc),
                        "clock", equalTo("met"));
        practitioner(w.csc).body("""
                {"outcome": "no-further-action", "reason": "again"}""").post("/triage/" + id + "/decision").then()
                .statusCode(409).body("type", equalTo("https://joinedup.example/problems/already-decided"));
        assertEquals(List.of("contact-received", "contact-received", "triage-decided"), TestEvents.types(dataSource, "triage-" + id));

        TestEvents.publish(concern(w.child, w.police, "low", Instant.now()), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.awaiting(w.csc, w.child).filter(t -> !t.toString().equals(id))
                .isPresent());
        practitioner(w.csc).get("/triage?status=awaiting-decision&childId=" + w.child).then().statusCode(200)
                .body("items", hasSize(1), "items[0].triageId", not(equalTo(id)));
        practitioner(w.csc).get("/triage?status=decided&childId=" + w.child).then().statusCode(200)
                .body("items.triageId", hasItem(id));
    }

    @Test
    void a_referral_to_the_front_door_joins_the_same_queue_as_a_contact_with_more_in_it() {
        String id = item();
        String referral = practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
        // In the referral's own transaction: no waiting on Kafka.
        lead(w.csc).get("/triage/" + id).then().statusCode(200).body("contacts", hasSize(2),
                "contacts.find { it.source == 'referral' }.sourceId", equalTo(referral),
                "contacts.find { it.source == 'referral' }.riskLevel", equalTo("high"),
                "contacts.find { it.source == 'referral' }.fromAgency", equalTo(w.police));
        // A referral to an agency that is no front door is an ordinary request for help: no triage.
        practitioner(w.police).body(w.referral(w.school)).post("/referrals").then().statusCode(201);
        lead(w.csc).get("/triage/" + id).then().statusCode(200).body("contacts", hasSize(2));
        assertEquals(List.of("contact-received", "contact-received"), TestEvents.types(dataSource, "triage-" + id));
    }

    @Test
    void every_bad_input_is_named_and_nothing_is_recorded() {
        String id = item();
        lead(w.csc).body("{}").post("/triage/" + id + "/decision").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("outcome", "reason"));
        lead(w.csc).body("""
                {"outcome": "section-47-enquiry", "reason": "r"}""").post("/triage/" + id + "/decision").then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"), "violations[0].rule", equalTo("one-of"));
        lead(w.csc).body("[1]").post("/triage/" + id + "/decision").then().statusCode(400);
        lead(w.csc).header("If-Match", "\"7\"").body("""
                {"outcome": "advice-given", "reason": "r"}""").post("/triage/" + id + "/decision").then().statusCode(412);
        practitioner(w.police).body("""
                {"outcome": "no-further-action", "reason": "not ours to decide"}""").post("/triage/" + id + "/decision")
                .then().statusCode(404);
        lead(w.csc).body("""
                {"outcome": "advice-given", "reason": "r"}""").post("/triage/not-a-uuid/decision").then().statusCode(404);
        lead(w.csc).get("/triage?status=closed").then().statusCode(400).body("violations[0].field", equalTo("status"));
        lead(w.csc).get("/triage?limit=0").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        lead(w.csc).get("/triage?childId=x").then().statusCode(400).body("violations[0].field", equalTo("childId"));
        assertEquals(List.of("contact-received"), TestEvents.types(dataSource, "triage-" + id));
    }

    @Test
    void roles_other_than_practitioners_and_leads_are_refused() {
        String id = item();
        as(TestTokens.token("insp-1", null, Roles.INSPECTOR)).get("/triage").then().statusCode(403);
        as(TestTokens.token("admin-1", null, Roles.DIRECTORY_ADMIN)).body("""
                {"outcome": "advice-given", "reason": "r"}""").post("/triage/" + id + "/decision").then().statusCode(403);
        given().get("/triage").then().statusCode(401);
    }

    @Test
    void an_item_not_decided_within_one_working_day_is_recorded_overdue_once() {
        UUID child = UUID.randomUUID();
        Instant friday = Instant.parse("2026-08-28T14:00:00Z");
        TestEvents.publish(concern(child, w.police, "immediate", friday), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.awaiting(w.csc, child).isPresent());
        String id = triage.awaiting(w.csc, child).orElseThrow().toString();
        practitioner(w.csc).get("/triage/" + id).then().statusCode(200)
                .body("decisionDueBy", equalTo("2026-09-01T23:00:00Z"), "clock", equalTo("overdue"));
        clock.set(Instant.parse("2026-09-01T23:00:00Z"));
        assertTrue(sweep.sweep() >= 1);
        sweep.sweep();
        assertEquals(List.of("contact-received", "triage-decision-overdue"), TestEvents.types(dataSource, "triage-" + id));
        lead(w.csc).body("""
                {"outcome": "advice-given", "reason": "spoke to the referrer"}""").post("/triage/" + id + "/decision").then()
                .statusCode(200).body("clock", equalTo("met-late"), "overdueRecordedAt", equalTo("2026-09-01T23:00:00Z"));
        assertEquals(List.of("contact-received", "triage-decision-overdue", "triage-decided"),
                TestEvents.types(dataSource, "triage-" + id));
    }
}
