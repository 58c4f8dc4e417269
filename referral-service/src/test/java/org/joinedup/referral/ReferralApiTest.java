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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The referral endpoints: each success, each bad input, each role refused. Real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ReferralApiTest {
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

    ReferralWorld w;

    @BeforeEach
    void world() {
        w = new ReferralWorld().publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(w.closed).map(a -> !a.active()).orElse(false)
                && concerns.concern(w.concern, w.police).isPresent() && !facts.groups(List.of(w.child)).isEmpty());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String make() {
        return practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
    }

    @Test
    void a_practitioner_refers_and_both_agencies_see_it_with_its_decision_clock() {
        String id = practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .body("status", equalTo("made"), "fromAgency", equalTo(w.police), "referredBy", equalTo("pr-" + w.police),
                        "consent.status", equalTo("refused"), "clocks[0].clock", equalTo("decision"),
                        "clocks[0].status", equalTo("running"), "clocks[0].dueBy", notNullValue())
                .extract().path("referralId");
        practitioner(w.csc).get("/referrals/" + id).then().statusCode(200).body("toAgency", equalTo(w.csc));
        practitioner(w.police).get("/referrals?direction=sent").then().statusCode(200)
                .body("referrals.referralId", hasItem(id));
        practitioner(w.csc).get("/referrals?direction=received&status=made").then().statusCode(200)
                .body("referrals.referralId", hasItem(id));
        // Need to know: the front door's lead sees it in full; a school with no relationship with the child, nothing.
        lead(w.csc).get("/referrals?childId=" + w.child).then().statusCode(200).body("referrals", hasSize(1))
                .body("referrals[0].visibility", equalTo("full"));
        lead(w.school).get("/referrals?childId=" + w.child).then().statusCode(200).body("referrals", hasSize(0));
        practitioner(w.school).get("/referrals/" + id).then().statusCode(404);
        assertEquals(List.of("referral-made"), TestEvents.types(dataSource, "referral-" + id));
        assertEquals(true, TestEvents.accesses(dataSource, w.child.toString()).stream()
                .anyMatch(a -> a.startsWith(w.csc + " referral ")), "the read left a trace");
    }

    @Test
    void the_receiving_agency_acknowledges_decides_and_closes_and_the_referrer_sees_the_outcome() {
        String id = make();
        practitioner(w.csc).post("/referrals/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("acknowledged"), "acknowledged.by", equalTo("pr-" + w.csc));
        practitioner(w.csc).post("/referrals/" + id + "/acknowledgement").then().statusCode(200).body("version", equalTo(2));
        practitioner(w.csc).body("{\"outcome\": \"child-in-need-assessment\", \"reason\": \"needs assessed under s17\"}")
                .post("/referrals/" + id + "/decision").then().statusCode(200)
                .body("decision.outcome", equalTo("child-in-need-assessment"), "clocks[1].clock", equalTo("assessment"));
        practitioner(w.police).get("/referrals/" + id).then().statusCode(200)
                .body("decision.outcome", equalTo("child-in-need-assessment"), "decision.reason", equalTo("needs assessed under s17"));
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"again\"}")
                .post("/referrals/" + id + "/decision").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("already-decided"));
        practitioner(w.csc).body("{\"summary\": \"needs met with support\"}").post("/referrals/" + id + "/assessment-completion")
                .then().statusCode(200).body("clocks[1].status", equalTo("met"));
        practitioner(w.csc).body("{\"reason\": \"support in place\"}").post("/referrals/" + id + "/closure").then()
                .statusCode(200).body("status", equalTo("closed"), "closure.note", equalTo("support in place"));
        practitioner(w.csc).body("{\"reason\": \"again\"}").post("/referrals/" + id + "/closure").then().statusCode(409);
        assertEquals(List.of("referral-made", "referral-acknowledged", "referral-decided", "assessment-completed",
                "referral-closed"), TestEvents.types(dataSource, "referral-" + id));
    }

    @Test
    void closing_an_undecided_referral_and_deciding_before_acknowledging_are_conflicts() {
        String id = make();
        practitioner(w.csc).body("{\"reason\": \"nothing to do\"}").post("/referrals/" + id + "/closure").then()
                .statusCode(409).contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("not-decided"));
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"x\"}").post("/referrals/" + id + "/decision")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("not-acknowledged"));
        assertEquals(List.of("referral-made"), TestEvents.types(dataSource, "referral-" + id));
    }

    @Test
    void a_practitioner_of_another_agency_may_not_change_the_referral() {
        String id = make();
        practitioner(w.police).post("/referrals/" + id + "/acknowledgement").then().statusCode(403)
                .contentType("application/problem+json");
        practitioner(w.school).body("{\"outcome\": \"early-help\", \"reason\": \"x\"}").post("/referrals/" + id + "/decision")
                .then().statusCode(403);
        assertEquals(List.of("referral-made"), TestEvents.types(dataSource, "referral-" + id));
    }

    @Test
    void each_role_that_must_not_refer_is_refused() {
        as(TestTokens.token("insp-1", null, Roles.INSPECTOR)).body(w.referral(w.csc)).post("/referrals").then().statusCode(403);
        as(TestTokens.token("admin-1", null, Roles.DIRECTORY_ADMIN)).body(w.referral(w.csc)).post("/referrals").then().statusCode(403);
        lead(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(w.referral(w.csc)).post("/referrals")
                .then().statusCode(401);
        as(TestTokens.token("insp-1", null, Roles.INSPECTOR)).get("/referrals").then().statusCode(403);
    }

    @Test
    void an_unknown_or_deactivated_receiving_agency_is_422() {
        practitioner(w.police).body(w.referral("no-such-agency")).post("/referrals").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("toAgency"), "violations[0].rule", equalTo("known-agency"));
        practitioner(w.police).body(w.referral(w.closed)).post("/referrals").then().statusCode(422)
                .body("violations[0].rule", equalTo("active-agency"));
        assertEquals(0, count());
    }

    @Test
    void concerns_the_referrer_may_not_cite_are_422() {
        String unknown = w.referral(w.csc).replace(w.concern.toString(), UUID.randomUUID().toString());
        practitioner(w.police).body(unknown).post("/referrals").then().statusCode(422)
                .body("violations[0].field", equalTo("concernIds[0]"), "violations[0].rule", equalTo("known-concern"));
        practitioner(w.school).body(w.referral(w.csc)).post("/referrals").then().statusCode(422)
                .body("violations[0].rule", equalTo("visible-concern"));
        String otherChild = w.referral(w.csc).replace(w.child.toString(), UUID.randomUUID().toString());
        practitioner(w.police).body(otherChild).post("/referrals").then().statusCode(422)
                .body("violations[0].rule", equalTo("known-child"));
        // Once the police share it with the school, the school may cite it.
        TestEvents.publish(ReferralWorld.shared(w.concern, w.child, w.police, w.school), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> concerns.concern(w.concern, w.school).orElseThrow().sharedWith());
        practitioner(w.school).body(w.referral(w.csc)).post("/referrals").then().statusCode(201);
    }

    @Test
    void each_bad_field_is_named_with_its_rule_and_nothing_is_stored() {
        long before = count();
        practitioner(w.police).body("{}").post("/referrals").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("childId", "toAgency", "concernIds", "reason",
                        "urgency", "familyInformed", "consent.status"));
        practitioner(w.police).body(w.referral(w.csc).replace("\"urgent\"", "\"soonish\"")).post("/referrals").then()
                .statusCode(400).body("violations[0].field", equalTo("urgency"), "violations[0].rule", equalTo("one-of"));
        practitioner(w.police).body(w.referral(w.csc).replace(", \"reason\": \"mother refused; the child may be at risk\"", ""))
                .post("/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("consent.reason"), "violations[0].rule", equalTo("required-without-consent"));
        practitioner(w.police).body(w.referral(w.police)).post("/referrals").then().statusCode(400)
                .body("violations[0].rule", equalTo("another-agency"));
        practitioner(w.police).body(w.referral(w.csc).replace(w.concern.toString(), "not-a-uuid")).post("/referrals").then()
                .statusCode(400).body("violations[0].field", equalTo("concernIds[0]"), "violations[0].rule", equalTo("uuid"));
        practitioner(w.police).body("{\"childId\": ").post("/referrals").then().statusCode(400);
        practitioner(w.police).get("/referrals?direction=sideways&limit=0").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("direction", "limit"));
        practitioner(w.police).get("/referrals/not-a-uuid").then().statusCode(404);
        assertEquals(before, count());
    }

    @Test
    void bad_decisions_and_meetings_are_400() {
        String id = make();
        practitioner(w.csc).post("/referrals/" + id + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"outcome\": \"think-about-it\"}").post("/referrals/" + id + "/decision").then()
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItems("outcome", "reason"));
        practitioner(w.csc).body("{\"outcome\": \"section-47-enquiry\", \"reason\": \"significant harm\"}")
                .post("/referrals/" + id + "/decision").then().statusCode(200);
        practitioner(w.csc).body("{\"heldAt\": \"yesterday\"}").post("/referrals/" + id + "/strategy-discussion").then()
                .statusCode(400).body("violations[0].rule", equalTo("date-time"));
        practitioner(w.csc).body("{\"heldAt\": \"2999-01-01T10:00:00Z\"}").post("/referrals/" + id + "/strategy-discussion")
                .then().statusCode(400).body("violations[0].rule", equalTo("not-in-future"));
        practitioner(w.csc).body("{\"heldAt\": \"2020-01-01T10:00:00Z\"}").post("/referrals/" + id + "/conference")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("no-strategy-discussion"));
        practitioner(w.csc).body("{\"heldAt\": \"" + java.time.Instant.now() + "\", \"note\": \"police and health\"}")
                .post("/referrals/" + id + "/strategy-discussion").then().statusCode(200)
                .body("clocks.clock", hasItem("conference"));
    }

    private long count() {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select count(*) from event_store where event_type = 'referral-made' and subject = ?")) {
            ps.setString(1, w.child.toString());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_referral_to_a_school_is_an_ordinary_request_for_help_and_a_statutory_step_is_refused_naming_the_rule() {
        String id = practitioner(w.police).body(w.referral(w.school)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
        practitioner(w.school).post("/referrals/" + id + "/acknowledgement").then().statusCode(200);
        for (String statutory : List.of("child-in-need-assessment", "section-47-enquiry", "immediate-protection")) {
            practitioner(w.school).body("{\"outcome\": \"" + statutory + "\", \"reason\": \"worried\"}")
                    .post("/referrals/" + id + "/decision").then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://joinedup.example/problems/statutory-duty"));
        }
        assertEquals(List.of("referral-made", "referral-acknowledged"), TestEvents.types(dataSource, "referral-" + id));
        practitioner(w.school).body("{\"outcome\": \"no-further-action\", \"reason\": \"attendance plan agreed with the family\"}")
                .post("/referrals/" + id + "/decision").then().statusCode(200).body("decision.outcome", equalTo("no-further-action"));
    }

    @Test
    void early_help_is_offered_and_the_team_forms_only_when_the_family_consents() {
        String id = make();
        practitioner(w.csc).post("/referrals/" + id + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"consent\": \"given\"}").post("/referrals/" + id + "/early-help-consent").then()
                .statusCode(409).contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("no-early-help-offer"));
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"support for the family\"}")
                .post("/referrals/" + id + "/decision").then().statusCode(200)
                .body("decision.earlyHelp.familyConsent", equalTo("awaiting"), "decision.teamId", org.hamcrest.Matchers.nullValue());
        lead(w.csc).get("/teams?childId=" + w.child).then().statusCode(200).body("teams", hasSize(0));
        // Each bad input names its field; nothing is recorded.
        practitioner(w.csc).body("{\"consent\": \"maybe\"}").post("/referrals/" + id + "/early-help-consent").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("consent"),
                        "violations[0].rule", equalTo("one-of"));
        practitioner(w.csc).body("{}").post("/referrals/" + id + "/early-help-consent").then().statusCode(400)
                .body("violations[0].rule", equalTo("required"));
        practitioner(w.csc).body("{\"consent\": \"given\", \"note\": \"" + "x".repeat(4001) + "\"}")
                .post("/referrals/" + id + "/early-help-consent").then().statusCode(400).body("violations[0].field", equalTo("note"));
        // Only the receiving agency records the family's answer; a lead (not a practitioner) is refused by role.
        practitioner(w.police).body("{\"consent\": \"given\"}").post("/referrals/" + id + "/early-help-consent").then()
                .statusCode(403).contentType("application/problem+json");
        lead(w.csc).body("{\"consent\": \"given\"}").post("/referrals/" + id + "/early-help-consent").then().statusCode(403);
        String team = practitioner(w.csc).body("{\"consent\": \"given\", \"note\": \"agreed at a home visit\"}")
                .post("/referrals/" + id + "/early-help-consent").then().statusCode(200)
                .body("decision.earlyHelp.familyConsent", equalTo("given"), "decision.earlyHelp.note", equalTo("agreed at a home visit"))
                .extract().path("decision.teamId");
        lead(w.csc).get("/teams/" + team).then().statusCode(200).body("childId", equalTo(w.child.toString()),
                "status", equalTo("open"), "referralId", equalTo(id));
        practitioner(w.csc).body("{\"consent\": \"refused\"}").post("/referrals/" + id + "/early-help-consent").then()
                .statusCode(409).body("type", org.hamcrest.Matchers.endsWith("consent-recorded"));
        assertEquals(List.of("referral-made", "referral-acknowledged", "referral-decided", "early-help-consent-recorded"),
                TestEvents.types(dataSource, "referral-" + id));
    }

    @Test
    void a_family_refusing_early_help_forms_no_team_and_a_closed_team_lets_a_later_episode_form_another() {
        String id = make();
        practitioner(w.csc).post("/referrals/" + id + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"support\"}").post("/referrals/" + id + "/decision")
                .then().statusCode(200);
        practitioner(w.csc).body("{\"consent\": \"refused\", \"note\": \"the family do not want help now\"}")
                .post("/referrals/" + id + "/early-help-consent").then().statusCode(200)
                .body("decision.earlyHelp.familyConsent", equalTo("refused"), "decision.teamId", org.hamcrest.Matchers.nullValue());
        lead(w.csc).get("/teams?childId=" + w.child).then().statusCode(200).body("teams", hasSize(0));

        String again = make();
        practitioner(w.csc).post("/referrals/" + again + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"things got worse\"}")
                .post("/referrals/" + again + "/decision").then().statusCode(200);
        String first = practitioner(w.csc).body("{\"consent\": \"given\"}").post("/referrals/" + again + "/early-help-consent")
                .then().statusCode(200).extract().path("decision.teamId");
        lead(w.csc).body("{\"reason\": \"needs-met\", \"note\": \"attendance back to 96%\"}").post("/teams/" + first + "/closure")
                .then().statusCode(200).body("status", equalTo("closed"), "closed.reason", equalTo("needs-met"));
        lead(w.csc).body("{\"reason\": \"other\", \"note\": \"again\"}").post("/teams/" + first + "/closure").then()
                .statusCode(409).body("type", org.hamcrest.Matchers.endsWith("team-closed"));
        lead(w.csc).body("{\"reason\": \"finished\"}").post("/teams/" + first + "/closure").then().statusCode(400)
                .body("violations.field", hasItem("reason"), "violations.field", hasItem("note"));
        // A later episode of early help: a new team, the closed one kept as it was.
        String third = make();
        practitioner(w.csc).post("/referrals/" + third + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"new worries\"}")
                .post("/referrals/" + third + "/decision").then().statusCode(200);
        String second = practitioner(w.csc).body("{\"consent\": \"given\"}").post("/referrals/" + third + "/early-help-consent")
                .then().statusCode(200).extract().path("decision.teamId");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
        lead(w.csc).get("/teams?childId=" + w.child).then().statusCode(200).body("teams", hasSize(2),
                "teams[0].status", equalTo("open"), "teams[1].status", equalTo("closed"));
    }
}
