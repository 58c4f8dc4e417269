package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.platform.security.Roles;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child protection pathway's endpoints (issue 26): each step, each bad input, each role and agency refused.
 * Real PostgreSQL, Kafka and signed tokens.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ChildProtectionApiTest {
    @Inject
    DirectoryQueries directory;

    @Inject
    NeedToKnowFacts facts;

    @Inject
    DataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    ClockSweep sweep;

    ReferralWorld w;
    String police;
    String health;
    String otherLocalAuthority;

    @BeforeEach
    void world() {
        w = new ReferralWorld().publish();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        police = "met-police-" + suffix;
        health = "whittington-" + suffix;
        otherLocalAuthority = "islington-csc-" + suffix;
        Instant t = Instant.now().minusSeconds(3600);
        for (String[] a : new String[][] {{police, "police", "Haringey"}, {health, "health", "Haringey"},
                {otherLocalAuthority, "childrens-social-care", "Islington"}}) {
            TestEvents.publish(new AgencyRegistered(a[0], a[0], a[1], a[2], new Contact("duty@" + a[0] + ".example", null),
                    List.of(), "admin", t), "/agency-directory-service");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(otherLocalAuthority).isPresent()
                && !facts.groups(List.of(w.child)).isEmpty());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String strategy(String decision) {
        return """
                {"childId": "%s", "heldAt": "%s", "decision": "%s", "reason": "bruising seen twice: reasonable cause to suspect significant harm",
                 "attendance": [{"agencyId": "%s", "attended": true, "information": "two call-outs to the address"},
                                {"agencyId": "%s", "attended": true, "information": "bruising seen at A&E"},
                                {"agencyId": "%s", "attended": false}]}"""
                .formatted(w.child, Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS), decision, police, health,
                        w.school);
    }

    String opened() {
        return lead(w.csc).body(strategy("section-47-enquiry")).post("/child-protection").then().statusCode(201)
                .extract().path("episodeId");
    }

    @Test
    void from_a_strategy_discussion_through_an_enquiry_and_a_conference_to_a_plan_its_core_group_review_and_end() {
        String id = lead(w.csc).body(strategy("section-47-enquiry")).post("/child-protection").then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", "\"1\"")
                .body("stage", equalTo("section-47-enquiry"), "localAuthority", equalTo(w.csc),
                        "strategyDiscussion.attendance.agencyId", containsInAnyOrder(police, health, w.school),
                        "strategyDiscussion.attendance.find { it.agencyId == '" + police + "' }.kind", equalTo("police"))
                .extract().path("episodeId");
        practitioner(w.csc).body("""
                {"outcome": "substantiated-continuing-risk", "summary": "the injuries are not consistent with the account"}""")
                .post("/child-protection/" + id + "/enquiry-outcome").then().statusCode(200)
                .body("stage", equalTo("awaiting-initial-conference"), "conferenceDueBy", notNullValue());
        String held = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        lead(w.csc).body("""
                {"heldAt": "%s", "agencies": ["%s", "%s"], "parentsAttended": true, "childAttended": false,
                 "categories": ["physical-abuse", "neglect"], "leadSocialWorker": "Priya Shah"}""".formatted(held, police, health))
                .post("/child-protection/" + id + "/initial-conference").then().statusCode(200)
                .body("stage", equalTo("child-protection-plan"), "categories", equalTo(List.of("physical-abuse", "neglect")),
                        "leadSocialWorker", equalTo("Priya Shah"), "planSince", equalTo(held), "coreGroupDueBy", notNullValue(),
                        "nextReviewDueBy", notNullValue(), "conferenceDueBy", nullValue());
        lead(w.csc).body("{\"heldAt\": \"" + held + "\", \"agencies\": [\"" + police + "\"]}")
                .post("/child-protection/" + id + "/core-group").then().statusCode(200)
                .body("coreGroups", hasSize(1), "coreGroupDueBy", nullValue());
        lead(w.csc).body("{\"heldAt\": \"" + held + "\", \"decision\": \"continue-plan\", \"categories\": [\"neglect\"]}")
                .post("/child-protection/" + id + "/review-conference").then().statusCode(200)
                .body("categories", equalTo(List.of("neglect")), "reviewConferences", hasSize(1));
        // The police, who raised the concern, learn there is an episode and whom to call; not its content.
        practitioner(w.police).get("/child-protection/" + id).then().statusCode(200)
                .body("visibility", equalTo("headline"), "stage", equalTo("child-protection-plan"), "strategyDiscussion", nullValue())
                .body("headline.whomToCall.agencyId", equalTo(w.csc));
        lead(w.csc).get("/child-protection?childId=" + w.child).then().statusCode(200)
                .body("episodes.find { it.episodeId == '" + id + "' }.visibility", equalTo("full"));
        // Inspectors replay the ledger (audit-service); the working API is not theirs.
        as(TestTokens.token("insp-1", null, Roles.INSPECTOR)).get("/child-protection?childId=" + w.child).then().statusCode(403);
        lead(w.csc).body("{\"reason\": \"moved-area\", \"note\": \"moved to Leeds; a transfer-in conference is booked\"}")
                .post("/child-protection/" + id + "/plan-end").then().statusCode(200).body("stage", equalTo("plan-ended"),
                        "ended.reason", equalTo("moved-area"));
        assertEquals(List.of("strategy-discussion-recorded", "section-47-enquiry-concluded",
                "initial-child-protection-conference-held", "core-group-met", "review-conference-held",
                "child-protection-plan-ended"), TestEvents.types(dataSource, "child-protection-" + id));
    }

    @Test
    void every_bad_input_is_named_at_once_and_nothing_is_recorded() {
        lead(w.csc).body("{}").post("/child-protection").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("childId", "heldAt", "attendance", "decision", "reason"));
        lead(w.csc).body("""
                {"childId": "%s", "heldAt": "yesterday", "decision": "enquiry", "reason": "r",
                 "attendance": [null, {}, {"agencyId": "no-such-agency", "attended": true}, {"agencyId": "%s", "attended": true},
                                {"agencyId": "%s", "attended": true}]}""".formatted(w.child, police, police))
                .post("/child-protection").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("heldAt", "decision", "attendance[0]", "attendance[1].agencyId",
                        "attendance[1].attended", "attendance[2].agencyId", "attendance[4].agencyId"));
        lead(w.csc).body(strategy("section-47-enquiry").replace("\"attended\": true, \"information\": \"bruising",
                        "\"attended\": false, \"information\": \"bruising")).post("/child-protection").then().statusCode(400)
                .body("violations[0].rule", equalTo("police-and-health"));
        lead(w.csc).body(strategy("section-47-enquiry").replace(w.child.toString(), UUID.randomUUID().toString()))
                .post("/child-protection").then().statusCode(422).body("violations[0].rule", equalTo("known-child"));
        lead(w.csc).body(strategy("section-47-enquiry").replace("\"heldAt\"", "\"triageId\": \"" + UUID.randomUUID()
                + "\", \"heldAt\"")).post("/child-protection").then().statusCode(422)
                .body("violations[0].field", equalTo("triageId"));
        String id = opened();
        lead(w.csc).body("{\"outcome\": \"maybe\"}").post("/child-protection/" + id + "/enquiry-outcome").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("outcome", "summary"));
        lead(w.csc).body("{\"heldAt\": \"2026-01-01T00:00:00Z\", \"categories\": [\"neglect\", \"bad\", \"neglect\"]}")
                .post("/child-protection/" + id + "/initial-conference").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("categories[1]", "categories[2]"));
        lead(w.csc).body("{\"heldAt\": \"2026-01-01T00:00:00Z\", \"categories\": [\"neglect\"], \"leadSocialWorker\": \"P\"}")
                .post("/child-protection/" + id + "/initial-conference").then().statusCode(409)
                .body("type", equalTo("https://joinedup.example/problems/no-conference-called"));
        lead(w.csc).body("{\"heldAt\": \"2026-01-01T00:00:00Z\", \"decision\": \"pause\"}")
                .post("/child-protection/" + id + "/review-conference").then().statusCode(400)
                .body("violations[0].field", equalTo("decision"));
        lead(w.csc).body("{\"reason\": \"review-conference\"}").post("/child-protection/" + id + "/plan-end").then()
                .statusCode(409).body("type", equalTo("https://joinedup.example/problems/no-plan"));
        lead(w.csc).header("If-Match", "\"9\"").body("{\"outcome\": \"not-substantiated\", \"summary\": \"s\"}")
                .post("/child-protection/" + id + "/enquiry-outcome").then().statusCode(412);
        lead(w.csc).get("/child-protection?childId=nope").then().statusCode(400);
        lead(w.csc).get("/child-protection").then().statusCode(400).body("violations[0].field", equalTo("childId"));
        assertEquals(List.of("strategy-discussion-recorded"), TestEvents.types(dataSource, "child-protection-" + id));
    }

    @Test
    void only_children_s_social_care_records_the_pathway_and_only_the_local_authority_holding_it_changes_it() {
        // The police who raised the concern know the child; a strategy discussion is still not theirs to record.
        practitioner(w.police).body(strategy("section-47-enquiry")).post("/child-protection").then().statusCode(403)
                .body("type", equalTo("https://joinedup.example/problems/statutory-duty"));
        // An agency with no relationship with the child learns nothing of it.
        practitioner(police).body(strategy("section-47-enquiry")).post("/child-protection").then().statusCode(422);
        String id = opened();
        practitioner(w.police).body("{\"outcome\": \"not-substantiated\", \"summary\": \"s\"}")
                .post("/child-protection/" + id + "/enquiry-outcome").then().statusCode(403);
        lead(otherLocalAuthority).body("{\"outcome\": \"not-substantiated\", \"summary\": \"s\"}")
                .post("/child-protection/" + id + "/enquiry-outcome").then().statusCode(404);
        lead(otherLocalAuthority).get("/child-protection/" + id).then().statusCode(404);
        as(TestTokens.token("admin-1", null, Roles.DIRECTORY_ADMIN)).body(strategy("section-47-enquiry"))
                .post("/child-protection").then().statusCode(403);
        given().get("/child-protection/" + id).then().statusCode(401);
        assertEquals(List.of("strategy-discussion-recorded"), TestEvents.types(dataSource, "child-protection-" + id));
    }

    @Test
    void a_conference_not_held_within_15_working_days_is_recorded_overdue_once() {
        String id = opened();
        lead(w.csc).body("{\"outcome\": \"substantiated-continuing-risk\", \"summary\": \"s\"}")
                .post("/child-protection/" + id + "/enquiry-outcome").then().statusCode(200);
        clock.set(Instant.now().plus(Duration.ofDays(30)));
        assertTrue(sweep.sweep() >= 1);
        sweep.sweep();
        assertEquals(List.of("strategy-discussion-recorded", "section-47-enquiry-concluded", "child-protection-clock-overdue"),
                TestEvents.types(dataSource, "child-protection-" + id));
        lead(w.csc).get("/child-protection/" + id).then().statusCode(200).body("overdue", hasSize(1));
    }
}
