package org.joinedup.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.Topics;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.referral.watch.ClockSweep;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario end to end through referral-service, on the real broker: a concern, a referral
 * to children's social care, acknowledged, decided early help, a Team Around the Child with a parent as
 * a member, actions with owners, one overdue when time moves on, a review; then the events read back
 * from referrals.events, in order.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ReferralScenarioTest {
    @Inject
    DirectoryQueries directory;

    @Inject
    ConcernsCopy concerns;

    @Inject
    MovableClock clock;

    @Inject
    ClockSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void concern_referral_early_help_team_actions_overdue_review() {
        ReferralWorld w = new ReferralWorld().publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(w.csc).isPresent()
                && concerns.concern(w.concern, w.police).isPresent());
        Instant start = Instant.now();
        clock.set(start);
        LocalDate today = start.atZone(ZoneId.of("Europe/London")).toLocalDate();

        String referral = practitioner(w.police).body(w.referral(w.csc)).post("/referrals").then().statusCode(201)
                .extract().path("referralId");
        practitioner(w.csc).post("/referrals/" + referral + "/acknowledgement").then().statusCode(200);
        practitioner(w.csc).body("{\"outcome\": \"early-help\", \"reason\": \"family needs support, not s17\"}")
                .post("/referrals/" + referral + "/decision").then().statusCode(200)
                .body("decision.earlyHelp.familyConsent", equalTo("awaiting"), "decision.teamId", org.hamcrest.Matchers.nullValue());
        // Early help is voluntary: the team forms when the family consents.
        String team = practitioner(w.csc).body("{\"consent\": \"given\", \"note\": \"Ms Mensah agreed at a home visit\"}")
                .post("/referrals/" + referral + "/early-help-consent").then().statusCode(200)
                .body("decision.earlyHelp.familyConsent", equalTo("given")).extract().path("decision.teamId");
        // The referrer sees the follow-through: the outcome and the team it opened.
        practitioner(w.police).get("/referrals/" + referral).then().body("decision.outcome", equalTo("early-help"),
                "decision.teamId", equalTo(team));

        String mum = lead(w.csc).body("{\"kind\": \"parent-carer\", \"name\": \"Ms Mensah\", \"role\": \"Mother\"}")
                .post("/teams/" + team + "/members").then().statusCode(200)
                .extract().path("members.find { it.kind == 'parent-carer' }.memberId");
        String hv = lead(w.csc).body("{\"kind\": \"practitioner\", \"role\": \"Health visitor\", \"agencyId\": \"" + w.school
                        + "\", \"practitionerId\": \"hv-1\"}")
                .post("/teams/" + team + "/members").then().statusCode(200)
                .extract().path("members.find { it.practitionerId == 'hv-1' }.memberId");
        lead(w.csc).body("{\"memberId\": \"" + hv + "\", \"reason\": \"sees the family weekly\"}")
                .post("/teams/" + team + "/lead-professional").then().statusCode(200).body("leadProfessional", equalTo(hv));

        // The lead professional agrees the plan: one action each for the mother and herself.
        practitioner("hv-1", w.school).body("{\"description\": \"book the GP appointment\", \"ownerMemberId\": \"" + mum
                + "\", \"dueOn\": \"" + today.plusDays(2) + "\"}").post("/teams/" + team + "/actions").then().statusCode(200);
        String hvAction = practitioner("hv-1", w.school).body("{\"description\": \"refer to speech therapy\", \"ownerMemberId\": \""
                        + hv + "\", \"dueOn\": \"" + today.plusDays(7) + "\"}").post("/teams/" + team + "/actions").then()
                .statusCode(200).extract().path("actions.find { it.ownerMemberId == '" + hv + "' }.actionId");
        practitioner("hv-1", w.school).get("/actions").then().statusCode(200).body("actions", hasSize(1),
                "actions[0].action.actionId", equalTo(hvAction));

        // Three days on, the mother's action is past its date: the sweep records it once (it also records
        // whatever else in this database fell overdue meanwhile, such as other tests' undecided referrals).
        clock.set(start.plus(Duration.ofDays(3)));
        assertTrue(sweep.sweep() >= 1);
        assertEquals(0, sweep.sweep(), "a second sweep at the same moment records nothing");
        lead(w.csc).get("/overdue").then().statusCode(200)
                .body("actions.action.ownerMemberId", hasItem(mum));
        lead(w.csc).get("/teams/" + team).then().body("actions.find { it.ownerMemberId == '" + mum + "' }.overdue", equalTo(true));

        practitioner("hv-1", w.school).body("{\"note\": \"referral sent\"}")
                .post("/teams/" + team + "/actions/" + hvAction + "/completion").then().statusCode(200);
        practitioner("hv-1", w.school).body("{\"heldOn\": \"" + today.plusDays(3) + "\", \"attendees\": [\"" + hv + "\", \""
                        + mum + "\"], \"decisions\": [\"mother to book the GP this week\"]}")
                .post("/teams/" + team + "/reviews").then().statusCode(200)
                .body("reviews", hasSize(1), "nextReviewBy", equalTo(today.plusDays(3).plusWeeks(6).toString()));

        List<String> expected = List.of("referral-made", "referral-acknowledged", "referral-decided", "early-help-consent-recorded",
                "team-around-child-formed",
                "member-added", "member-added", "lead-professional-assigned", "action-agreed", "action-agreed", "action-overdue",
                "action-completed", "plan-reviewed");
        try (KafkaProbe probe = KafkaProbe.from(Topics.REFERRALS)) {
            // The child's concern also went to every front door of the area (this test database holds many):
            // those triage items are the front doors' streams, not this scenario's.
            List<ConsumerRecord<String, String>> events = probe.awaitCount(r -> w.child.toString().equals(r.key())
                    && !(KafkaProbe.header(r, CloudEventHeaders.CE_TYPE).equals("contact-received")
                    || KafkaProbe.header(r, CloudEventHeaders.CE_TYPE).startsWith("triage-")), expected.size(), Duration.ofSeconds(30));
            assertEquals(expected, events.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.CE_TYPE)).toList());
        }
    }
}
