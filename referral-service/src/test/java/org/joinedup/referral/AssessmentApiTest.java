package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Early help assessment endpoints: the lifecycle, each bad input, who sees the family's words, each refused role. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class AssessmentApiTest {
    static final String DOMAINS = """
            [{"domain": "child-development", "strengths": ["loves reading"],
              "needs": [{"description": "speech delay", "indicators": ["achieving", "included"]}]},
             {"domain": "parenting-capacity", "strengths": ["mother attends every appointment"]},
             {"domain": "family-and-environment", "needs": [{"description": "damp flat", "indicators": ["healthy"]}]}]""";

    @Inject
    DirectoryQueries directory;

    @Inject
    ConcernsCopy concerns;

    @Inject
    DataSource dataSource;

    @Inject
    org.joinedup.needtoknow.NeedToKnowFacts facts;

    ReferralWorld w;

    @BeforeEach
    void aChild() {
        w = new ReferralWorld().publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(w.closed).map(a -> !a.active()).orElse(false)
                && concerns.concern(w.concern, w.police).isPresent() && !facts.groups(List.of(w.child)).isEmpty());
    }

    String start(String consent) {
        return practitioner(w.police).body("""
                {"childId": "%s", "consent": %s, "domains": %s,
                 "childsVoice": "I like my teacher", "parentsViews": "we need help with sleep"}"""
                .formatted(w.child, consent, DOMAINS)).post("/early-help-assessments").then().statusCode(201)
                .body("status", equalTo("in-progress"), "current.version", equalTo(1), "familyWords", equalTo("shown"))
                .extract().path("assessmentId");
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    @Test
    void an_assessment_is_started_versioned_and_concluded_for_a_team_that_then_reviews_it() {
        String id = start("{\"status\": \"given\"}");
        practitioner(w.police).get("/early-help-assessments/" + id).then().statusCode(200)
                .body("current.domains.domain", hasItems("child-development", "parenting-capacity", "family-and-environment"))
                .body("current.domains[0].name", equalTo("The child's development"))
                .body("current.childsVoice", equalTo("I like my teacher"), "consent.status", equalTo("given"));
        String v2 = practitioner(w.police).body("{\"domains\": " + DOMAINS + ", \"childsVoice\": \"I like my teacher and Sam\"}")
                .post("/early-help-assessments/" + id + "/versions").then().statusCode(200)
                .body("current.version", equalTo(2), "versions", hasSize(2), "current.parentsViews", nullValue())
                .extract().header("ETag");
        practitioner(w.police).get("/early-help-assessments/" + id + "/versions/1").then().statusCode(200)
                .body("parentsViews", equalTo("we need help with sleep"));
        practitioner(w.police).header("If-Match", "\"1\"").body("{\"outcome\": \"team-around-the-child\", \"reason\": \"x\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(412);
        practitioner(w.police).header("If-Match", v2)
                .body("{\"outcome\": \"team-around-the-child\", \"reason\": \"speech, housing and sleep need three agencies\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(200)
                .body("status", equalTo("completed"), "outcome.outcome", equalTo("team-around-the-child"), "outcome.onVersion", equalTo(2));

        String team = lead(w.csc).body("""
                {"childId": "%s", "assessmentId": "%s", "members": [
                  {"kind": "practitioner", "role": "Class teacher", "agencyId": "%s", "practitionerId": "t-1", "leadProfessional": true},
                  {"kind": "parent-carer", "name": "Ms Mensah", "role": "Mother"}], "leadReason": "sees her daily"}"""
                .formatted(w.child, id, w.school)).post("/teams").then().statusCode(201)
                .body("assessmentId", equalTo(id)).extract().path("teamId");
        // The school is in the team now: it reads the family's words; the front door reads the rest only.
        practitioner("t-1", w.school).get("/early-help-assessments/" + id).then().statusCode(200)
                .body("teamId", equalTo(team), "familyWords", equalTo("shown"), "current.childsVoice", equalTo("I like my teacher and Sam"));
        lead(w.csc).get("/early-help-assessments/" + id).then().statusCode(200)
                .body("familyWords", equalTo("withheld"), "current.childsVoice", nullValue(), "current.domains", hasSize(3));
        lead(w.csc).get("/early-help-assessments?childId=" + w.child).then().statusCode(200)
                .body("assessments[0].familyWords", equalTo("withheld"));
        practitioner("t-1", w.school).get("/early-help-assessments").then().statusCode(200)
                .body("assessments.assessmentId", hasItems(id));

        String member = lead(w.csc).get("/teams/" + team).then().extract().path("members[0].memberId");
        String review = "{\"heldOn\": \"" + today() + "\", \"attendees\": [\"" + member + "\"], \"decisions\": [\"carry on\"]%s}";
        practitioner("t-1", w.school).body(review.formatted("")).post("/teams/" + team + "/reviews").then().statusCode(400)
                .body("violations[0].field", equalTo("assessment"), "violations[0].rule", equalTo("required"));
        practitioner("t-1", w.school).body(review.formatted(", \"assessment\": \"rewritten\"")).post("/teams/" + team + "/reviews")
                .then().statusCode(400).body("violations[0].rule", equalTo("one-of"));
        practitioner("t-1", w.school).body(review.formatted(", \"assessment\": \"revised\"")).post("/teams/" + team + "/reviews")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("no-revision"));
        assertEquals(List.of("team-around-child-formed", "lead-professional-assigned", "team-assessment-linked"),
                TestEvents.types(dataSource, "team-" + team), "the refused review recorded nothing");
        practitioner("t-1", w.school).body(review.formatted(", \"assessment\": \"stands\"")).post("/teams/" + team + "/reviews")
                .then().statusCode(200);
        practitioner("t-1", w.school).body("{\"domains\": " + DOMAINS + ", \"childsVoice\": \"I sleep better now\"}")
                .post("/early-help-assessments/" + id + "/versions").then().statusCode(200).body("current.version", equalTo(3));
        practitioner("t-1", w.school).body(review.formatted(", \"assessment\": \"revised\"")).post("/teams/" + team + "/reviews")
                .then().statusCode(200);
        practitioner(w.police).get("/early-help-assessments/" + id).then().statusCode(200)
                .body("reviews.revised", org.hamcrest.Matchers.contains(false, true), "reviews[1].version", equalTo(3));
        assertEquals(List.of("early-help-assessment-started", "early-help-assessment-recorded", "early-help-assessment-recorded",
                        "early-help-assessment-completed", "early-help-assessment-reviewed", "early-help-assessment-recorded",
                        "early-help-assessment-reviewed"),
                TestEvents.types(dataSource, "early-help-assessment-" + id));
    }

    @Test
    void each_bad_input_is_named_and_records_nothing() {
        practitioner(w.police).body("{\"childId\": \"" + w.child + "\"}").post("/early-help-assessments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("consent.status"), "violations[0].rule", equalTo("required"));
        practitioner(w.police).body("{\"childId\": \"" + w.child + "\", \"consent\": {\"status\": \"maybe\"}}")
                .post("/early-help-assessments").then().statusCode(400).body("violations[0].rule", equalTo("one-of"));
        practitioner(w.police).body("{\"childId\": \"" + w.child + "\", \"consent\": {\"status\": \"not-sought\"}}")
                .post("/early-help-assessments").then().statusCode(400)
                .body("violations[0].field", equalTo("consent.reason"), "violations[0].rule", equalTo("required-without-consent"));
        practitioner(w.police).body("""
                {"childId": "%s", "consent": {"status": "given"}, "domains": [
                  {"domain": "child-development"},
                  {"domain": "child-development", "strengths": ["kind"]},
                  {"domain": "wellbeing", "needs": [{"description": "x", "indicators": ["happy"]}, {"description": "y"}]}]}"""
                .formatted(w.child)).post("/early-help-assessments").then().statusCode(400)
                .body("violations.field", hasItems("domains[0]", "domains[1].domain", "domains[2].domain",
                        "domains[2].needs[0].indicators[0]", "domains[2].needs[1].indicators"))
                .body("violations.find { it.field == 'domains[0]' }.rule", equalTo("strength-or-need"))
                .body("violations.find { it.field == 'domains[1].domain' }.rule", equalTo("unique"));
        practitioner(w.police).body("{\"childId\": \"" + UUID.randomUUID() + "\", \"consent\": {\"status\": \"given\"}}")
                .post("/early-help-assessments").then().statusCode(422).body("violations[0].rule", equalTo("known-child"));
        // An agency with no relationship with the child cannot assess it either.
        practitioner(w.school).body("{\"childId\": \"" + w.child + "\", \"consent\": {\"status\": \"given\"}}")
                .post("/early-help-assessments").then().statusCode(422).body("violations[0].rule", equalTo("known-child"));
        String referral = practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
        practitioner(w.police).body("{\"childId\": \"" + w.child + "\", \"consent\": {\"status\": \"given\"}, "
                        + "\"steppedDownFromReferralId\": \"" + referral + "\"}").post("/early-help-assessments").then()
                .statusCode(422).body("violations[0].rule", equalTo("closed-referral"));
        practitioner(w.police).get("/early-help-assessments?childId=" + w.child).then().statusCode(200)
                .body("assessments", hasSize(0));

        String id = practitioner(w.police).body("{\"childId\": \"" + w.child + "\", \"consent\": {\"status\": \"given\"}}")
                .post("/early-help-assessments").then().statusCode(201).body("current", nullValue()).extract().path("assessmentId");
        practitioner(w.police).body("{\"outcome\": \"no-further-action\", \"reason\": \"fine\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("domains-incomplete"));
        practitioner(w.police).body("{\"outcome\": \"sorted\"}").post("/early-help-assessments/" + id + "/completion").then()
                .statusCode(400).body("violations.field", hasItems("outcome", "reason"));
        practitioner(w.police).body("{\"domains\": []}").post("/early-help-assessments/" + id + "/versions").then()
                .statusCode(400).body("violations[0].field", equalTo("domains"));
        practitioner(w.police).get("/early-help-assessments/" + id + "/versions/0").then().statusCode(400);
        practitioner(w.police).get("/early-help-assessments/" + id + "/versions/9").then().statusCode(404);
        practitioner(w.police).get("/early-help-assessments/not-an-id").then().statusCode(404);
        assertEquals(List.of("early-help-assessment-started"), TestEvents.types(dataSource, "early-help-assessment-" + id));
    }

    @Test
    void without_consent_only_a_step_up_or_no_further_action_concludes_it_and_a_closed_case_steps_down() {
        String id = start("{\"status\": \"refused\", \"reason\": \"father does not want services involved\"}");
        practitioner(w.police).body("{\"outcome\": \"single-agency-support\", \"reason\": \"school nurse\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("consent-required"));
        String referral = practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
        practitioner(w.police).body("{\"outcome\": \"step-up\", \"reason\": \"risk grew\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(400)
                .body("violations[0].field", equalTo("referralId"));
        practitioner(w.police).body("{\"outcome\": \"step-up\", \"reason\": \"risk grew\", \"referralId\": \"" + UUID.randomUUID() + "\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(422)
                .body("violations[0].rule", equalTo("referral-of-child"));
        practitioner(w.police).body("{\"outcome\": \"step-up\", \"reason\": \"risk grew\", \"referralId\": \"" + referral + "\"}")
                .post("/early-help-assessments/" + id + "/completion").then().statusCode(200)
                .body("outcome.outcome", equalTo("step-up"), "outcome.referralId", equalTo(referral));

        practitioner(w.csc).post("/referrals/" + referral + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"outcome\": \"no-further-action\", \"reason\": \"support in place\"}")
                .post("/referrals/" + referral + "/decision").then().statusCode(200);
        practitioner(w.csc).body("{\"reason\": \"stepped down to early help\"}").post("/referrals/" + referral + "/closure")
                .then().statusCode(200);
        practitioner(w.csc).body("{\"childId\": \"" + w.child + "\", \"consent\": {\"status\": \"given\"}, "
                        + "\"steppedDownFromReferralId\": \"" + referral + "\"}").post("/early-help-assessments").then()
                .statusCode(201).body("steppedDownFrom", equalTo(referral), "startedByAgency", equalTo(w.csc));
    }

    @Test
    void strangers_get_404_inspectors_403_and_other_involved_leads_a_headline() {
        String id = start("{\"status\": \"given\"}");
        practitioner(w.school).get("/early-help-assessments/" + id).then().statusCode(404);
        lead(w.school).get("/early-help-assessments/" + id).then().statusCode(404);
        practitioner(w.csc).get("/early-help-assessments/" + id).then().statusCode(200)
                .body("familyWords", equalTo("withheld"), "current.childsVoice", nullValue());
        practitioner(w.csc).body("{\"domains\": " + DOMAINS + "}").post("/early-help-assessments/" + id + "/versions")
                .then().statusCode(404);
        as(TestTokens.token("insp", null, Roles.INSPECTOR)).get("/early-help-assessments/" + id).then().statusCode(403);
        as(TestTokens.token("insp", null, Roles.INSPECTOR)).body("{}").post("/early-help-assessments").then().statusCode(403);
        // The school shares with the police about the child: it is involved, but the assessment is not its record.
        TestEvents.publish(ReferralWorld.shared(w.concern, w.child, w.police, w.school), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> lead(w.school).get("/early-help-assessments/" + id).statusCode() == 200);
        lead(w.school).get("/early-help-assessments/" + id).then().statusCode(200)
                .body("visibility", equalTo("headline"), "startedByAgency", equalTo(w.police), "current", nullValue());
    }
}
