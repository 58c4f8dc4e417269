package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.status.ChildStatuses;
import org.joinedup.referral.watch.ClockSweep;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Child in need plans, looked-after episodes and police protection (issue 26): each step, each bad input, each
 * agency without the duty refused, the clocks swept, and the child's status as an emergency department is told it.
 * Real PostgreSQL, Kafka and signed tokens.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class CareApiTest {
    @Inject
    DirectoryQueries directory;

    @Inject
    NeedToKnowFacts facts;

    @Inject
    ChildStatuses statuses;

    @Inject
    DataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    ClockSweep sweep;

    ReferralWorld w;
    String force;
    String emergencyDepartment;
    /** This test's own local authority, the only front door covering its own postcode district. */
    String la;
    String district;
    String nhs;
    UUID child;

    @BeforeEach
    void world() {
        w = new ReferralWorld().publish();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        force = "force-" + suffix;
        emergencyDepartment = "ed-" + suffix;
        Instant t = Instant.now().minusSeconds(3600);
        la = "la-" + suffix;
        java.util.Random r = new java.util.Random();
        district = "Z" + (char) ('A' + r.nextInt(26)) + r.nextInt(10) + (char) ('A' + r.nextInt(26));
        for (String[] a : new String[][] {{force, "police"}, {emergencyDepartment, "health"}, {la, "childrens-social-care"}}) {
            TestEvents.publish(new AgencyRegistered(a[0], a[0], a[1], "Haringey", new Contact("duty@" + a[0] + ".example",
                    "020 7000 0000"), List.of(), "admin", t, a[0].equals(la) ? List.of(district) : List.of()),
                    "/agency-directory-service");
        }
        nhs = TestNhsNumbers.next();
        child = UUID.randomUUID();
        TestEvents.publish(new ConcernRaised(UUID.randomUUID(), child, force, "pc-1", new ChildIdentification(nhs, "Osei",
                "Kwame", LocalDate.of(2016, 2, 1), district + " 1AA", List.of()), "neglect", List.of("safe"), "high",
                "found alone at night", null, t, t), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(la).isPresent()
                && !statuses.records(nhs).isEmpty() && !facts.groups(List.of(child)).isEmpty());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String ago(long seconds) {
        return Instant.now().minusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String status() {
        return practitioner(emergencyDepartment).queryParam("nhsNumber", nhs).queryParam("purpose", "attended at 02:10")
                .get("/child-status").then().statusCode(200).extract().path("status");
    }

    @Test
    void a_child_in_need_plan_is_started_reviewed_and_ended_by_the_local_authority_only() {
        String body = """
                {"childId": "%s", "leadSocialWorker": "Priya Shah", "summary": "support with housing and school attendance",
                 "startedAt": "%s"}""".formatted(child, ago(600));
        practitioner(force).body(body).post("/child-in-need-plans").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://joinedup.example/problems/statutory-duty"));
        String id = lead(la).body(body).post("/child-in-need-plans").then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", "\"1\"")
                .body("kind", equalTo("child-in-need-plan"), "status", equalTo("open"), "localAuthority", equalTo(la),
                        "leadSocialWorker", equalTo("Priya Shah"), "dueFor", equalTo("review"), "dueBy", notNullValue())
                .extract().path("id");
        assertEquals("child-in-need", status());
        // Where the child is shown, an agency involved with her sees the status and whom to call; a stranger, nothing.
        practitioner(force).get("/children/" + child + "/status").then().statusCode(200).body("status", equalTo("child-in-need"),
                "inForce[0].agencyId", equalTo(la), "inForce[0].whomToCall.agencyId", equalTo(la), "inForce[0].since", notNullValue());
        practitioner(w.school).get("/children/" + child + "/status").then().statusCode(404).contentType("application/problem+json");
        practitioner(la).body("{\"heldAt\": \"" + ago(60) + "\", \"summary\": \"attendance up; rent arrears plan\"}")
                .post("/child-in-need-plans/" + id + "/reviews").then().statusCode(200).header("ETag", "\"2\"")
                .body("steps.type", hasItem("child-in-need-plan-reviewed"));
        // The police, who raised the concern, see a headline; inspectors use the ledger; a school with no standing, nothing.
        practitioner(force).get("/child-in-need-plans/" + id).then().statusCode(200).body("visibility", equalTo("headline"),
                "steps", nullValue(), "headline.whomToCall.agencyId", equalTo(la));
        practitioner(w.school).get("/child-in-need-plans/" + id).then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.token("insp-1", null, Roles.INSPECTOR)).get("/child-in-need-plans?childId=" + child).then().statusCode(403);
        lead(la).get("/child-in-need-plans?childId=" + child).then().statusCode(200).body("episodes", hasSize(1),
                "episodes[0].visibility", equalTo("full"));
        lead(la).body("{\"reason\": \"needs-met\", \"note\": \"family settled\"}").post("/child-in-need-plans/" + id + "/end")
                .then().statusCode(200).body("status", equalTo("ended"), "ended.reason", equalTo("needs-met"), "dueBy", nullValue());
        lead(la).body("{\"reason\": \"needs-met\"}").post("/child-in-need-plans/" + id + "/end").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("plan-ended"));
        assertEquals("none", status());
        assertEquals(List.of("child-in-need-plan-started", "child-in-need-plan-reviewed", "child-in-need-plan-ended"),
                TestEvents.types(dataSource, "child-in-need-plan-" + id));
    }

    @Test
    void every_bad_input_is_named_and_records_nothing() {
        lead(la).body("{}").post("/child-in-need-plans").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("childId", "leadSocialWorker", "summary",
                        "startedAt"));
        lead(la).body("{\"childId\": \"x\", \"referralId\": \"y\", \"leadSocialWorker\": \"" + "n".repeat(201)
                        + "\", \"summary\": \"s\", \"startedAt\": \"yesterday\"}").post("/child-in-need-plans").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("childId", "referralId", "leadSocialWorker",
                        "startedAt"));
        lead(la).body("{\"childId\": \"" + child + "\", \"leadSocialWorker\": \"P\", \"summary\": \"s\", \"startedAt\": \""
                + Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS) + "\"}").post("/child-in-need-plans").then()
                .statusCode(400).body("violations[0].field", equalTo("startedAt"), "violations[0].rule", equalTo("not-in-future"));
        lead(la).body("{\"childId\": \"" + UUID.randomUUID() + "\", \"leadSocialWorker\": \"P\", \"summary\": \"s\", "
                + "\"startedAt\": \"" + ago(60) + "\"}").post("/child-in-need-plans").then().statusCode(422)
                .body("violations[0].rule", equalTo("known-child"));
        lead(la).body("{\"childId\": \"" + child + "\", \"legalStatus\": \"foster\", \"startedAt\": \"" + ago(60) + "\"}")
                .post("/looked-after").then().statusCode(400).body("violations[0].field", equalTo("legalStatus"),
                        "violations[0].rule", equalTo("one-of"));
        practitioner(force).body("{\"childId\": \"" + child + "\", \"takenAt\": \"" + ago(60) + "\", \"reason\": \"r\", "
                + "\"designatedOfficer\": \"DS Okafor\", \"postcode\": \"not a postcode\"}").post("/police-protection").then()
                .statusCode(400).body("violations[0].field", equalTo("postcode"));
        practitioner(la).body("null").post("/police-protection").then().statusCode(400);
        practitioner(la).body("{\"heldAt\": \"" + ago(60) + "\", \"summary\": \"s\"}")
                .post("/child-in-need-plans/" + UUID.randomUUID() + "/reviews").then().statusCode(404);
        practitioner(la).get("/looked-after/not-a-uuid").then().statusCode(404);
        given().get("/police-protection?childId=" + child).then().statusCode(401);
        assertEquals(0L, org.joinedup.platform.store.Jdbc.query(dataSource,
                "select count(*) from care_episode where child_id = ?", rs -> rs.getLong(1), child).get(0));
    }

    @Test
    void an_emergency_protection_order_runs_out_after_eight_days_unless_the_court_made_another_order() {
        String id = lead(la).body("{\"childId\": \"" + child + "\", \"legalStatus\": \"emergency-protection-order\", "
                + "\"startedAt\": \"" + ago(3600) + "\"}").post("/looked-after").then().statusCode(201)
                .body("legalStatus", equalTo("emergency-protection-order"), "dueFor", equalTo("order-expiry"))
                .extract().path("id");
        assertEquals("looked-after", status());
        practitioner(force).body("{\"childId\": \"" + child + "\", \"legalStatus\": \"section-20\", \"startedAt\": \"" + ago(60)
                + "\"}").post("/looked-after").then().statusCode(403);
        clock.set(Instant.now().plus(Duration.ofDays(9)));
        assertTrue(sweep.sweep() >= 1);
        sweep.sweep();
        clock.reset();
        lead(la).get("/looked-after/" + id).then().statusCode(200)
                .body("steps.type", hasItem("emergency-protection-order-expired"), "dueBy", nullValue());
        lead(la).body("{\"legalStatus\": \"interim-care-order\", \"changedAt\": \"" + ago(30) + "\"}")
                .post("/looked-after/" + id + "/legal-status").then().statusCode(200).body("legalStatus", equalTo("interim-care-order"));
        lead(la).body("{\"reason\": \"returned-home\", \"endedAt\": \"" + ago(10) + "\"}").post("/looked-after/" + id + "/end")
                .then().statusCode(200).body("status", equalTo("ended"));
        assertEquals(List.of("looked-after-started", "emergency-protection-order-expired", "looked-after-legal-status-changed",
                "looked-after-ended"), TestEvents.types(dataSource, "looked-after-" + id));
    }

    @Test
    void police_protection_tells_the_front_door_lasts_72_hours_and_only_the_force_ends_it() {
        String body = "{\"childId\": \"" + child + "\", \"takenAt\": \"" + ago(600) + "\", \"reason\": \"found alone at 2am, "
                + "no adult traceable\", \"designatedOfficer\": \"DS Okafor\", \"postcode\": \"" + district + " 2AB\"}";
        lead(la).body(body).post("/police-protection").then().statusCode(403)
                .body("type", equalTo("https://joinedup.example/problems/statutory-duty"));
        String id = practitioner(force).body(body).post("/police-protection").then().statusCode(201)
                .body("policeAgency", equalTo(force), "localAuthority", equalTo(la), "dueFor", equalTo("end-of-72-hours"))
                .extract().path("id");
        assertEquals("police-protection", status());
        // The local authority reads it in full; it does not end it.
        lead(la).get("/police-protection/" + id).then().statusCode(200).body("visibility", equalTo("full"));
        practitioner(la).body("{\"outcome\": \"returned-home\", \"endedAt\": \"" + ago(5) + "\"}")
                .post("/police-protection/" + id + "/end").then().statusCode(404);
        clock.set(Instant.now().plus(Duration.ofHours(73)));
        assertTrue(sweep.sweep() >= 1);
        clock.reset();
        practitioner(force).body("{\"outcome\": \"accommodated-by-local-authority\", \"endedAt\": \"" + ago(5) + "\"}")
                .post("/police-protection/" + id + "/end").then().statusCode(200).body("status", equalTo("ended"));
        assertEquals(List.of("police-protection-started", "police-protection-overdue", "police-protection-ended"),
                TestEvents.types(dataSource, "police-protection-" + id));
        assertEquals("none", status());
    }
}
