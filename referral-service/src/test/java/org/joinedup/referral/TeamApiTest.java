package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.concerns.ConcernsCopy;
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
import java.time.ZoneId;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Team Around the Child endpoints: success, each bad input, each refused role; and the decision clock over HTTP. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class TeamApiTest {
    @Inject
    DirectoryQueries directory;

    @Inject
    ConcernsCopy concerns;

    @Inject
    DataSource dataSource;

    @Inject
    org.joinedup.needtoknow.NeedToKnowFacts facts;

    @Inject
    MovableClock clock;

    @Inject
    ClockSweep sweep;

    ReferralWorld w;
    String team;
    String hv;
    String mum;

    @BeforeEach
    void aTeam() {
        w = new ReferralWorld().publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(w.closed).map(a -> !a.active()).orElse(false)
                && concerns.concern(w.concern, w.police).isPresent() && !facts.groups(List.of(w.child)).isEmpty());
        String body = """
                {"childId": "%s", "reviewEveryWeeks": 4, "leadReason": "sees the family weekly", "members": [
                  {"kind": "practitioner", "role": "Health visitor", "agencyId": "%s", "practitionerId": "hv-1", "leadProfessional": true},
                  {"kind": "parent-carer", "name": "Ms Mensah", "role": "Mother"}]}""".formatted(w.child, w.school);
        var created = lead(w.csc).body(body).post("/teams").then().statusCode(201)
                .body("members", hasSize(2), "reviewEveryWeeks", equalTo(4)).extract();
        team = created.path("teamId");
        hv = created.path("members[0].memberId");
        mum = created.path("members[1].memberId");
        assertEquals(hv, created.path("leadProfessional"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    @Test
    void one_team_per_child_and_bad_members_are_refused() {
        String again = "{\"childId\": \"" + w.child + "\", \"members\": [{\"kind\": \"parent-carer\", \"name\": \"Dad\"}]}";
        lead(w.csc).body(again).post("/teams").then().statusCode(409).contentType("application/problem+json");
        lead(w.csc).body("{\"childId\": \"" + w.child + "\", \"members\": [{\"kind\": \"uncle\"}, {\"kind\": \"parent-carer\"},"
                        + " {\"kind\": \"practitioner\", \"agencyId\": \"" + w.school + "\"}]}").post("/teams").then().statusCode(400)
                .body("violations.field", hasItems("members[0].kind", "members[1].name", "members[2].practitionerId"));
        lead(w.csc).body("{\"childId\": \"" + java.util.UUID.randomUUID() + "\", \"members\": [{\"kind\": \"practitioner\", "
                + "\"agencyId\": \"" + w.closed + "\", \"practitionerId\": \"x\"}]}").post("/teams").then().statusCode(422)
                .body("violations[0].rule", equalTo("active-agency"));
        lead(w.csc).body("{\"childId\": \"" + java.util.UUID.randomUUID() + "\", \"members\": [{\"kind\": \"parent-carer\", "
                + "\"name\": \"Mum\"}]}").post("/teams").then().statusCode(422).body("violations[0].rule", equalTo("known-child"));
        practitioner(w.csc).body(again).post("/teams").then().statusCode(403);
        as(TestTokens.token("insp", null, Roles.INSPECTOR)).get("/teams/" + team).then().statusCode(403);
    }

    @Test
    void a_key_repeated_in_a_body_is_400_naming_the_key() {
        lead(w.csc).body("{\"childId\": \"" + w.child + "\", \"childId\": \"" + w.child + "\", \"members\": []}")
                .post("/teams").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("childId"), "violations[0].rule", equalTo("duplicate-key"));
        lead(w.csc).urlEncodingEnabled(false).get("/referrals?childId=%00").then().statusCode(400)
                .body("violations[0].field", equalTo("childId"), "violations[0].rule", equalTo("no-control-characters"));
        lead(w.csc).urlEncodingEnabled(false).get("/teams/x%00y").then().statusCode(400)
                .body("violations[0].rule", equalTo("no-control-characters"));
    }

    @Test
    void an_action_without_an_owner_with_a_stranger_as_owner_or_due_in_the_past_is_400() {
        var hvSpec = practitioner("hv-1", w.school);
        hvSpec.body("{\"description\": \"book the GP\", \"dueOn\": \"" + today() + "\"}").post("/teams/" + team + "/actions")
                .then().statusCode(400).body("violations[0].field", equalTo("ownerMemberId"), "violations[0].rule", equalTo("required"));
        practitioner("hv-1", w.school).body("{\"description\": \"book the GP\", \"ownerMemberId\": \"" + java.util.UUID.randomUUID()
                + "\", \"dueOn\": \"" + today() + "\"}").post("/teams/" + team + "/actions").then().statusCode(400)
                .body("violations[0].rule", equalTo("team-member"));
        practitioner("hv-1", w.school).body("{\"description\": \"book the GP\", \"ownerMemberId\": \"" + mum
                + "\", \"dueOn\": \"2020-01-01\"}").post("/teams/" + team + "/actions").then().statusCode(400)
                .body("violations[0].field", equalTo("dueOn"), "violations[0].rule", equalTo("not-in-past"));
        practitioner("hv-1", w.school).body("{\"description\": \"book the GP\", \"ownerMemberId\": \"" + mum
                + "\", \"dueOn\": \"next week\"}").post("/teams/" + team + "/actions").then().statusCode(400)
                .body("violations[0].rule", equalTo("date"));
        assertEquals(List.of("team-around-child-formed", "lead-professional-assigned"), TestEvents.types(dataSource, "team-" + team));
    }

    @Test
    void practitioners_see_their_agencys_teams_and_only_a_coordinator_changes_the_plan() {
        practitioner("hv-1", w.school).body("{\"description\": \"home visit\", \"ownerMemberId\": \"" + mum + "\", \"dueOn\": \""
                + today() + "\"}").post("/teams/" + team + "/actions").then().statusCode(200).body("wholePlan", equalTo(true));
        practitioner("t-1", w.school).get("/teams/" + team).then().statusCode(200)
                .body("wholePlan", equalTo(false), "actions", hasSize(0), "members", hasSize(2));
        practitioner("t-1", w.school).get("/teams").then().statusCode(200).body("teams.teamId", hasItems(team));
        practitioner("t-1", w.school).body("{\"description\": \"x\", \"ownerMemberId\": \"" + mum + "\", \"dueOn\": \""
                + today() + "\"}").post("/teams/" + team + "/actions").then().statusCode(403);
        // The police raised the concern but are not in the team: they learn that it exists and whom to call, nothing more.
        practitioner(w.police).get("/teams/" + team).then().statusCode(200).body("visibility", equalTo("headline"))
                .body("agencies", hasItems(w.school)).body("headline.whomToCall.agencyId", equalTo(w.school))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("members")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("actions")));
        practitioner("stranger", "homes-" + w.school).get("/teams/" + team).then().statusCode(404);
        practitioner(w.police).body("{\"memberId\": \"" + hv + "\", \"reason\": \"x\"}").post("/teams/" + team + "/lead-professional")
                .then().statusCode(404);
        lead(w.csc).body("{\"memberId\": \"" + mum + "\", \"reason\": \"x\"}").post("/teams/" + team + "/lead-professional")
                .then().statusCode(400).body("violations[0].rule", equalTo("practitioner-member"));
        lead(w.csc).body("{\"reason\": \"moving away\"}").post("/teams/" + team + "/members/" + hv + "/leaving").then()
                .statusCode(409).body("type", org.hamcrest.Matchers.endsWith("lead-professional"));
        lead(w.csc).body("{\"heldOn\": \"" + today() + "\", \"attendees\": [], \"decisions\": []}").post("/teams/" + team + "/reviews")
                .then().statusCode(400).body("violations.field", hasItems("attendees", "decisions"));
    }

    @Test
    void a_referral_left_undecided_past_its_working_day_is_overdue_for_the_receiving_agency_and_leads() {
        String referral = practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
        Instant due = Instant.parse(practitioner(w.csc).get("/referrals/" + referral).then().extract().path("clocks[0].dueBy"));
        clock.set(due.plusSeconds(60));
        sweep.sweep();
        practitioner(w.csc).get("/overdue").then().statusCode(200).body("referrals.referralId", hasItems(referral));
        lead(w.csc).get("/referrals?overdue=true&agencyId=" + w.csc).then().statusCode(200)
                .body("referrals.referralId", hasItems(referral));
        practitioner(w.csc).get("/referrals/" + referral).then().body("clocks[0].status", equalTo("overdue"), "overdue", equalTo(true));
        sweep.sweep();
        assertEquals(List.of("referral-made", "referral-decision-overdue"), TestEvents.types(dataSource, "referral-" + referral));
    }

    @Test
    void a_review_rates_the_wellbeing_indicators_on_the_scale_and_the_team_shows_them_over_time() {
        String review = """
                {"heldOn": "%s", "attendees": ["%s", "%s"], "decisions": ["carry on"],
                 "wellbeing": [{"indicator": "safe", "level": "%s", "note": "still frightened at night"},
                               {"indicator": "healthy", "level": "%s"}]}""";
        lead(w.csc).body(review.formatted(today(), hv, mum, "some-concern", "mostly-met")).post("/teams/" + team + "/reviews")
                .then().statusCode(200)
                .body("reviews[0].wellbeing.indicator", org.hamcrest.Matchers.contains("safe", "healthy"))
                .body("reviews[0].wellbeing[0].score", equalTo(2))
                .body("reviews[0].wellbeing[0].words", org.hamcrest.Matchers.startsWith("Some concern"))
                .body("reviews[0].wellbeing[0].note", equalTo("still frightened at night"));
        lead(w.csc).body(review.formatted(today(), hv, mum, "mostly-met", "partly-met")).post("/teams/" + team + "/reviews")
                .then().statusCode(200);
        lead(w.csc).get("/teams/" + team).then().statusCode(200)
                .body("wellbeingProgress.find { it.indicator == 'safe' }.ratings.score", org.hamcrest.Matchers.contains(2, 4))
                .body("wellbeingProgress.find { it.indicator == 'safe' }.trend", equalTo("improved"))
                .body("wellbeingProgress.find { it.indicator == 'healthy' }.trend", equalTo("worse"));
    }

    @Test
    void a_rating_off_the_scale_or_of_no_indicator_or_twice_is_named_and_records_nothing() {
        String bad = """
                {"heldOn": "%s", "attendees": ["%s"], "decisions": ["carry on"],
                 "wellbeing": [{"indicator": "happy", "level": "great"}, {"indicator": "safe"},
                               {"indicator": "safe", "level": "thriving", "note": "%s"}]}""".formatted(today(), hv, "x".repeat(2001));
        lead(w.csc).body(bad).post("/teams/" + team + "/reviews").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("wellbeing[0].indicator", "wellbeing[0].level", "wellbeing[1].level",
                        "wellbeing[2].indicator", "wellbeing[2].note"))
                .body("violations.find { it.field == 'wellbeing[0].level' }.rule", equalTo("one-of"))
                .body("violations.find { it.field == 'wellbeing[1].level' }.rule", equalTo("required"))
                .body("violations.find { it.field == 'wellbeing[2].indicator' }.rule", equalTo("unique"))
                .body("violations.find { it.field == 'wellbeing[2].note' }.rule", equalTo("max-length"));
        lead(w.csc).body("{\"heldOn\": \"" + today() + "\", \"attendees\": [\"" + hv + "\"], \"decisions\": [\"x\"], "
                + "\"wellbeing\": [null]}").post("/teams/" + team + "/reviews").then().statusCode(400)
                .body("violations[0].field", equalTo("wellbeing[0]"));
        lead(w.csc).get("/teams/" + team).then().statusCode(200).body("reviews", hasSize(0)).body("wellbeingProgress", hasSize(0));
    }
}
