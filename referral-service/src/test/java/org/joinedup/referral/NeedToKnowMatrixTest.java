package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.testing.AccessMatrix;
import org.joinedup.testing.AccessMatrix.Answer;
import org.joinedup.testing.AccessMatrix.Probe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.joinedup.testing.AccessMatrix.Answer.ABSENT;
import static org.joinedup.testing.AccessMatrix.Answer.FORBIDDEN;
import static org.joinedup.testing.AccessMatrix.Answer.FULL;
import static org.joinedup.testing.AccessMatrix.Answer.HEADLINE;
import static org.joinedup.testing.AccessMatrix.Answer.NOT_FOUND;
import static org.joinedup.testing.AccessMatrix.Answer.OK;

/**
 * referral-service's need-to-know matrix: every GET operation of its OpenAPI document, for each kind of
 * caller in each role (docs/access.md). The probes are a police referral of one child to children's social
 * care (the child's front door) and the child's Team Around the Child, which housing is in.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class NeedToKnowMatrixTest {
    static final List<String> RELATIONSHIPS = List.of("none", "own", "shared", "team-member", "front-door", "break-glass");
    static final ReferralWorld WORLD = new ReferralWorld();
    static final String SCHOOL = "school-academy-" + UUID.randomUUID().toString().substring(0, 8);
    static final String HOUSING = "housing-" + UUID.randomUUID().toString().substring(0, 8);
    static final String VOLUNTARY = "voluntary-" + UUID.randomUUID().toString().substring(0, 8);
    /** Agencies of the kinds a strategy discussion needs (the world's own police agency is of kind other). */
    static final String POLICE_FORCE = "force-" + UUID.randomUUID().toString().substring(0, 8);
    static final String HEALTH = "trust-" + UUID.randomUUID().toString().substring(0, 8);
    static final String LOOKED_UP = org.joinedup.testing.TestNhsNumbers.next();
    static final Map<String, String> AGENCY = Map.of("none", WORLD.school, "own", WORLD.police, "shared", SCHOOL,
            "team-member", HOUSING, "front-door", WORLD.csc, "break-glass", VOLUNTARY);
    static final Map<String, String> CALLERS = AccessMatrix.callersByRole(RELATIONSHIPS, AGENCY);

    @Inject
    DirectoryQueries directory;

    @Inject
    ConcernsCopy concerns;

    @Inject
    NeedToKnowFacts facts;

    @Inject
    org.joinedup.referral.frontdoor.TriageViews triage;

    record Scenario(String referral, String team, String assessment, String triage, String episode, String plan,
                    String lookedAfter, String protection) {
    }

    static Scenario scenario;

    Scenario scenario() {
        if (scenario == null) {
            scenario = build();
        }
        return scenario;
    }

    Scenario build() {
        WORLD.publish();
        Instant t = Instant.now().minusSeconds(3600);
        for (String[] a : new String[][] {{SCHOOL, "education"}, {HOUSING, "housing"}, {VOLUNTARY, "voluntary-sector"},
                {POLICE_FORCE, "police"}, {HEALTH, "health"}}) {
            TestEvents.publish(new AgencyRegistered(a[0], a[0], a[1], "Haringey", new Contact("duty@" + a[0] + ".example", null),
                    List.of(), "admin", t), "/agency-directory-service");
        }
        TestEvents.publish(ReferralWorld.shared(WORLD.concern, WORLD.child, WORLD.police, SCHOOL), "/concern-service");
        Instant now = Instant.now();
        TestEvents.publish(new EmergencyAccessGranted(UUID.randomUUID(), WORLD.child, VOLUNTARY, "dsl-" + VOLUNTARY,
                "A disclosure tonight; the front door cannot be reached", now, now.plusSeconds(3600),
                List.of(WORLD.police)), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(HEALTH).isPresent()
                && concerns.concern(WORLD.concern, WORLD.police).isPresent() && !facts.groups(List.of(WORLD.child)).isEmpty());
        String referral = ReferralWorld.practitioner(WORLD.police).body(WORLD.referral(WORLD.csc)).post("/referrals").then()
                .statusCode(201).extract().path("referralId");
        String team = ReferralWorld.lead(WORLD.csc).body("""
                {"childId": "%s", "members": [
                  {"kind": "practitioner", "role": "Housing officer", "agencyId": "%s", "practitionerId": "pr-%s"},
                  {"kind": "parent-carer", "name": "Ms Mensah", "role": "Mother"}]}""".formatted(WORLD.child, HOUSING, HOUSING))
                .post("/teams").then().statusCode(201).extract().path("teamId");
        String assessment = ReferralWorld.practitioner(WORLD.police).body("""
                {"childId": "%s", "consent": {"status": "given"}, "domains": %s, "childsVoice": "I like school"}"""
                .formatted(WORLD.child, AssessmentApiTest.DOMAINS)).post("/early-help-assessments").then().statusCode(201)
                .extract().path("assessmentId");
        ReferralWorld.practitioner(WORLD.police).body("{\"outcome\": \"team-around-the-child\", \"reason\": \"three agencies\"}")
                .post("/early-help-assessments/" + assessment + "/completion").then().statusCode(200);
        ReferralWorld.lead(WORLD.csc).body("{\"assessmentId\": \"" + assessment + "\"}").post("/teams/" + team + "/assessment")
                .then().statusCode(200);
        for (String caller : List.of("shared/lead", "break-glass/lead")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CALLERS.get(caller))
                    .get("/referrals/" + referral).then().statusCode(200));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.awaiting(WORLD.csc, WORLD.child).isPresent());
        String episode = ReferralWorld.lead(WORLD.csc).body("""
                {"childId": "%s", "heldAt": "%s", "decision": "section-47-enquiry", "reason": "significant harm suspected",
                 "attendance": [{"agencyId": "%s", "attended": true}, {"agencyId": "%s", "attended": true}]}"""
                .formatted(WORLD.child, Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        POLICE_FORCE, HEALTH)).post("/child-protection").then().statusCode(201).extract().path("episodeId");
        String started = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String plan = ReferralWorld.lead(WORLD.csc).body("""
                {"childId": "%s", "leadSocialWorker": "Priya Shah", "summary": "support at home", "startedAt": "%s"}"""
                .formatted(WORLD.child, started)).post("/child-in-need-plans").then().statusCode(201).extract().path("id");
        String lookedAfter = ReferralWorld.lead(WORLD.csc).body("""
                {"childId": "%s", "legalStatus": "section-20", "startedAt": "%s"}""".formatted(WORLD.child, started))
                .post("/looked-after").then().statusCode(201).extract().path("id");
        // The force that takes the child into police protection has raised a concern about her first.
        TestEvents.publish(ReferralWorld.raised(UUID.randomUUID(), WORLD.child, POLICE_FORCE), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ReferralWorld.practitioner(POLICE_FORCE)
                .get("/child-protection?childId=" + WORLD.child).then().statusCode(200));
        String protection = ReferralWorld.practitioner(POLICE_FORCE).body("""
                {"childId": "%s", "takenAt": "%s", "reason": "found alone at night", "designatedOfficer": "DS Okafor"}"""
                .formatted(WORLD.child, started)).post("/police-protection").then().statusCode(201).extract().path("id");
        return new Scenario(referral, team, assessment, triage.awaiting(WORLD.csc, WORLD.child).orElseThrow().toString(), episode,
                plan, lookedAfter, protection);
    }

    static Map<String, Answer> rows(List<Answer> practitioner, List<Answer> lead) {
        return AccessMatrix.byRole(RELATIONSHIPS, practitioner, lead);
    }

    AccessMatrix matrix() {
        // break-glass is a lead's alone: the voluntary service's practitioner has no relationship with the child.
        return new AccessMatrix(CALLERS)
                .operation("/referrals/{referralId}", () -> new Probe("/referrals/" + scenario().referral(), "reason", "headline"),
                        rows(List.of(NOT_FOUND, FULL, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, FULL, HEADLINE, HEADLINE, FULL, FULL)))
                // A practitioner's list is its own agency's referrals, sent and received.
                .operation("/referrals", () -> new Probe("/referrals?childId=" + WORLD.child,
                                "referrals.find { it.referralId == '" + scenario().referral() + "' && it.visibility == 'full' }",
                                "referrals.find { it.referralId == '" + scenario().referral() + "' && it.visibility == 'headline' }"),
                        rows(List.of(ABSENT, FULL, ABSENT, ABSENT, FULL, ABSENT),
                                List.of(ABSENT, FULL, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/teams/{teamId}", () -> new Probe("/teams/" + scenario().team(), "members", "headline"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, FULL, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, FULL, FULL, FULL)))
                // A practitioner's list is the teams its agency takes part in.
                .operation("/teams", () -> new Probe("/teams?childId=" + WORLD.child,
                                "teams.find { it.teamId == '" + scenario().team() + "' && it.visibility == 'full' }",
                                "teams.find { it.teamId == '" + scenario().team() + "' && it.visibility == 'headline' }"),
                        rows(List.of(ABSENT, ABSENT, ABSENT, FULL, ABSENT, ABSENT),
                                List.of(ABSENT, HEADLINE, HEADLINE, FULL, FULL, FULL)))
                // The assessing agency and the team's agencies read it whole, the front door without the family's words.
                .operation("/early-help-assessments/{assessmentId}", () -> new Probe("/early-help-assessments/"
                                + scenario().assessment(), "current.domains", "headline"),
                        rows(List.of(NOT_FOUND, FULL, NOT_FOUND, FULL, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, FULL, HEADLINE, FULL, FULL, FULL)))
                .operation("/early-help-assessments/{assessmentId}/versions/{version}", () -> new Probe("/early-help-assessments/"
                                + scenario().assessment() + "/versions/1", "domains", null),
                        rows(List.of(NOT_FOUND, FULL, NOT_FOUND, FULL, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, FULL, NOT_FOUND, FULL, FULL, FULL)))
                // A practitioner's list is what its agency assessed or works from in a team.
                .operation("/early-help-assessments", () -> new Probe("/early-help-assessments?childId=" + WORLD.child,
                                "assessments.find { it.assessmentId == '" + scenario().assessment() + "' && it.visibility == 'full' }",
                                "assessments.find { it.assessmentId == '" + scenario().assessment() + "' && it.visibility == 'headline' }"),
                        rows(List.of(ABSENT, FULL, ABSENT, FULL, ABSENT, ABSENT),
                                List.of(ABSENT, FULL, HEADLINE, FULL, FULL, FULL)))
                // The triage queue is the front door's work: no other agency reads it, break-glass or not.
                .operation("/triage/{triageId}", () -> new Probe("/triage/" + scenario().triage(), "contacts", null),
                        rows(List.of(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, FULL, NOT_FOUND)))
                .operation("/triage", () -> new Probe("/triage?childId=" + WORLD.child,
                                "items.find { it.triageId == '" + scenario().triage() + "' && it.visibility == 'full' }", null),
                        rows(List.of(ABSENT, ABSENT, ABSENT, ABSENT, FULL, ABSENT),
                                List.of(ABSENT, ABSENT, ABSENT, ABSENT, FULL, ABSENT)))
                // A child protection episode: in full for the local authority (the front door) and break-glass; its
                // stage and whom to call for any other agency involved with the child.
                .operation("/child-protection/{episodeId}", () -> new Probe("/child-protection/" + scenario().episode(),
                                "strategyDiscussion", "headline"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/child-protection", () -> new Probe("/child-protection?childId=" + WORLD.child,
                                "episodes.find { it.episodeId == '" + scenario().episode() + "' && it.visibility == 'full' }",
                                "episodes.find { it.episodeId == '" + scenario().episode() + "' && it.visibility == 'headline' }"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                // Child in need plans, looked-after episodes and police protection: as a child protection episode is read.
                .operation("/child-in-need-plans/{planId}", () -> new Probe("/child-in-need-plans/" + scenario().plan(),
                                "steps", "headline"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/child-in-need-plans", () -> new Probe("/child-in-need-plans?childId=" + WORLD.child,
                                "episodes.find { it.id == '" + scenario().plan() + "' && it.visibility == 'full' }",
                                "episodes.find { it.id == '" + scenario().plan() + "' && it.visibility == 'headline' }"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/looked-after/{episodeId}", () -> new Probe("/looked-after/" + scenario().lookedAfter(),
                                "steps", "headline"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/looked-after", () -> new Probe("/looked-after?childId=" + WORLD.child,
                                "episodes.find { it.id == '" + scenario().lookedAfter() + "' && it.visibility == 'full' }",
                                "episodes.find { it.id == '" + scenario().lookedAfter() + "' && it.visibility == 'headline' }"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/police-protection/{protectionId}", () -> new Probe("/police-protection/" + scenario().protection(),
                                "steps", "headline"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                .operation("/police-protection", () -> new Probe("/police-protection?childId=" + WORLD.child,
                                "episodes.find { it.id == '" + scenario().protection() + "' && it.visibility == 'full' }",
                                "episodes.find { it.id == '" + scenario().protection() + "' && it.visibility == 'headline' }"),
                        rows(List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, HEADLINE, HEADLINE, HEADLINE, FULL, FULL)))
                // The child's status where the child is shown: any agency involved with the child, never details.
                .operation("/children/{childId}/status", () -> new Probe("/children/" + WORLD.child + "/status", "status", null),
                        rows(List.of(NOT_FOUND, FULL, FULL, FULL, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, FULL, FULL, FULL, FULL, FULL)))
                // "Is anyone worried?" asks by NHS number: any registered agency, no relationship needed (docs/pathway.md).
                .operation("/child-status", () -> new Probe("/child-status?purpose=ED+attendance&nhsNumber=" + LOOKED_UP,
                                "status", null), rows(List.of(FULL, FULL, FULL, FULL, FULL, FULL), List.of(FULL, FULL, FULL, FULL, FULL, FULL)))
                .operation("/fhir/Flag", () -> new Probe("/fhir/Flag?purpose=ED+attendance&patient.identifier="
                                + "https://fhir.nhs.uk/Id/nhs-number|" + LOOKED_UP, "resourceType", null),
                        rows(List.of(FULL, FULL, FULL, FULL, FULL, FULL), List.of(FULL, FULL, FULL, FULL, FULL, FULL)))
                .operation("/actions", () -> new Probe("/actions", null, null),
                        rows(List.of(OK, OK, OK, OK, OK, OK), null))
                .operation("/overdue", () -> new Probe("/overdue", null, null),
                        rows(List.of(OK, OK, OK, OK, OK, OK), List.of(OK, OK, OK, OK, OK, OK)));
    }

    @Test
    void every_get_operation_of_the_openapi_document_has_its_rows() {
        matrix().coversTheServedDocument();
    }

    @TestFactory
    Stream<DynamicTest> each_caller_gets_what_the_policy_says() {
        scenario();
        return matrix().tests();
    }
}
