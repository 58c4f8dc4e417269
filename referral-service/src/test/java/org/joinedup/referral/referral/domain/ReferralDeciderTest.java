package org.joinedup.referral.referral.domain;

import org.joinedup.events.care.CareVocabulary;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.EarlyHelpConsentRecorded;
import org.joinedup.events.referral.AssessmentOverdue;
import org.joinedup.events.referral.ConferenceOverdue;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralDecisionOverdue;
import org.joinedup.events.referral.ReferralEvent;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.ReferralUrgency;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.clock.WorkingDays;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a referral's past events, when a command (or time passes), then these events or a named refusal. No Quarkus. */
class ReferralDeciderTest {
    static final Timescales T = Timescales.statutory(WorkingDays.englandAndWales());
    static final UUID ID = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final String POLICE = "met-police";
    static final String CSC = "haringey-csc";
    /** 15:00 BST on the Friday before the summer bank holiday: the decision is due at midnight after Tuesday. */
    static final Instant FRIDAY = Instant.parse("2026-08-28T14:00:00Z");
    static final Instant DECISION_DUE = Instant.parse("2026-09-01T23:00:00Z");

    final DeciderSpec<ReferralCommand, ReferralState, ReferralEvent> referral = DeciderSpec.of(new ReferralDecider(T));

    void made(Instant at) {
        referral.givenAccepted(new ReferralCommand.Make(new MakeReferral(ID, CHILD, POLICE, "pc-1", CSC,
                List.of(UUID.randomUUID()), "bruises", ReferralUrgency.URGENT, "mother told",
                new Consent(Consent.REFUSED, "child at risk")), at));
    }

    static List<String> types(List<ReferralEvent> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }

    ReferralState.Referral state() {
        return (ReferralState.Referral) referral.state();
    }

    ReferralCommand acknowledge(Instant at) {
        return new ReferralCommand.Acknowledge(ID, CSC, "sw-1", at);
    }

    ReferralCommand decide(ReferralOutcome outcome, Instant at) {
        return new ReferralCommand.Decide(ID, CSC, "sw-1", outcome, "reason", true, at);
    }

    @Test
    void a_referral_made_on_a_friday_afternoon_before_a_bank_holiday_monday_is_due_at_the_end_of_tuesday() {
        made(FRIDAY);
        assertEquals(DECISION_DUE, ((ReferralMade) referral.history().get(0)).decisionDueBy());
        referral.when(new ReferralCommand.RecordOverdue(Instant.parse("2026-09-01T22:59:59Z"))).thenNothing();
        referral.when(new ReferralCommand.RecordOverdue(DECISION_DUE))
                .then(new ReferralDecisionOverdue(ID, CHILD, CSC, DECISION_DUE, DECISION_DUE));
    }

    @Test
    void a_decision_recorded_one_minute_late_is_recorded_overdue_first_and_only_once() {
        made(FRIDAY);
        referral.givenAccepted(acknowledge(FRIDAY.plusSeconds(600)));
        referral.when(decide(ReferralOutcome.NO_FURTHER_ACTION, DECISION_DUE.plusSeconds(60)))
                .thenEvents(late -> assertEquals(List.of("referral-decision-overdue", "referral-decided"), types(late)));
        referral.when(new ReferralCommand.RecordOverdue(DECISION_DUE.plusSeconds(3600))).thenNothing();
        assertEquals("met-late", StatutoryClock.of(state()).get(0).status(DECISION_DUE.plusSeconds(3600)));
    }

    @Test
    void a_decision_one_minute_before_the_deadline_is_on_time() {
        made(FRIDAY);
        referral.givenAccepted(acknowledge(FRIDAY.plusSeconds(600)));
        referral.when(decide(ReferralOutcome.NO_FURTHER_ACTION, DECISION_DUE.minusSeconds(60)))
                .thenEvents(onTime -> assertEquals(List.of("referral-decided"), types(onTime)));
        assertEquals("met", StatutoryClock.of(state()).get(0).status(DECISION_DUE));
    }

    @Test
    void the_sweep_records_a_decision_overdue_once_and_a_later_decision_does_not_repeat_it() {
        made(FRIDAY);
        referral.givenAccepted(new ReferralCommand.RecordOverdue(DECISION_DUE.plusSeconds(5)));
        referral.when(new ReferralCommand.RecordOverdue(DECISION_DUE.plusSeconds(600))).thenNothing();
        referral.givenAccepted(acknowledge(DECISION_DUE.plusSeconds(700)));
        referral.when(new ReferralCommand.Decide(ID, CSC, "sw-1", ReferralOutcome.EARLY_HELP, "support",
                true, DECISION_DUE.plusSeconds(800))).thenEvents(events -> assertEquals(List.of("referral-decided"), types(events)));
    }

    @Test
    void an_assessment_completed_on_working_day_45_is_on_time_and_one_completed_the_next_morning_is_late() {
        Instant monday = Instant.parse("2026-11-02T10:00:00Z");
        made(monday);
        referral.givenAccepted(acknowledge(monday.plusSeconds(60)), decide(ReferralOutcome.CHILD_IN_NEED_ASSESSMENT,
                monday.plusSeconds(120)));
        Instant due = Instant.parse("2027-01-08T00:00:00Z"); // the end of Thursday 7 January 2027, day 45
        assertEquals(due, state().decided().assessmentDueBy());

        referral.when(new ReferralCommand.CompleteAssessment(ID, CSC, "sw-1", "needs met by family",
                Instant.parse("2027-01-07T16:30:00Z"))).thenEvents(e -> assertEquals(List.of("assessment-completed"), types(e)));
    }

    @Test
    void an_assessment_completed_the_morning_after_day_45_is_recorded_overdue_first() {
        Instant monday = Instant.parse("2026-11-02T10:00:00Z");
        made(monday);
        referral.givenAccepted(acknowledge(monday.plusSeconds(60)), decide(ReferralOutcome.CHILD_IN_NEED_ASSESSMENT,
                monday.plusSeconds(120)));
        Instant due = Instant.parse("2027-01-08T00:00:00Z");
        List<ReferralEvent> dayAfter = referral.when(new ReferralCommand.CompleteAssessment(ID, CSC, "sw-1", "needs met",
                due.plusSeconds(1))).events();
        assertEquals(List.of("assessment-overdue", "assessment-completed"), types(dayAfter));
        assertEquals(due, ((AssessmentOverdue) dayAfter.get(0)).dueBy());
    }

    @Test
    void a_strategy_discussion_starts_the_fifteen_working_day_conference_clock() {
        made(FRIDAY);
        referral.givenAccepted(acknowledge(FRIDAY.plusSeconds(60)),
                decide(ReferralOutcome.STRATEGY_DISCUSSION_AND_ENQUIRY, FRIDAY.plusSeconds(120)),
                new ReferralCommand.HoldStrategyDiscussion(ID, CSC, "sw-1", "police present", FRIDAY.plusSeconds(3600),
                        FRIDAY.plusSeconds(7200)));
        // 15 working days after Friday 28 August (31 August a bank holiday): Monday 21 September, midnight BST after.
        Instant due = Instant.parse("2026-09-21T23:00:00Z");
        referral.when(new ReferralCommand.RecordOverdue(due.minusSeconds(1))).thenNothing();
        referral.when(new ReferralCommand.RecordOverdue(due)).then(new ConferenceOverdue(ID, CHILD, CSC, due, due));
    }

    @Test
    void a_strategy_discussion_is_not_in_the_future_nor_before_the_referral_and_needs_a_section_47_decision() {
        made(FRIDAY);
        referral.givenAccepted(acknowledge(FRIDAY.plusSeconds(60)));
        referral.when(new ReferralCommand.HoldStrategyDiscussion(ID, CSC, "sw-1", "n", FRIDAY.plusSeconds(100),
                FRIDAY.plusSeconds(200))).conflict("no-strategy-discussion");
        referral.givenAccepted(decide(ReferralOutcome.STRATEGY_DISCUSSION_AND_ENQUIRY, FRIDAY.plusSeconds(120)));
        referral.when(new ReferralCommand.HoldStrategyDiscussion(ID, CSC, "sw-1", "n", FRIDAY.plusSeconds(9000),
                FRIDAY.plusSeconds(200))).invalid("heldAt", "not-in-future");
        referral.when(new ReferralCommand.HoldStrategyDiscussion(ID, CSC, "sw-1", "n", FRIDAY.minusSeconds(60),
                FRIDAY.plusSeconds(200))).invalid("heldAt", "not-before-referral");
        referral.when(new ReferralCommand.HoldConference(ID, CSC, "sw-1", "n", FRIDAY.plusSeconds(150),
                FRIDAY.plusSeconds(200))).conflict("no-strategy-discussion");
    }

    @Test
    void deciding_twice_closing_undecided_and_another_agency_are_refused_by_name() {
        made(FRIDAY);
        referral.when(decide(ReferralOutcome.EARLY_HELP, FRIDAY)).conflict("not-acknowledged");
        referral.when(new ReferralCommand.Close(ID, CSC, "sw-1", "done", FRIDAY)).conflict("not-decided");
        referral.when(new ReferralCommand.Acknowledge(ID, POLICE, "pc-1", FRIDAY))
                .forbidden(ReferralDecider.RECEIVING_AGENCY_ONLY);
        referral.givenAccepted(acknowledge(FRIDAY));
        referral.when(new ReferralCommand.Acknowledge(ID, CSC, "sw-2", FRIDAY)).thenNothing();
        referral.givenAccepted(decide(ReferralOutcome.NO_FURTHER_ACTION, FRIDAY));
        referral.when(decide(ReferralOutcome.EARLY_HELP, FRIDAY)).conflict("already-decided");
        referral.when(new ReferralCommand.CompleteAssessment(ID, CSC, "sw-1", "x", FRIDAY)).conflict("no-assessment");
        referral.givenAccepted(new ReferralCommand.Close(ID, CSC, "sw-1", "done", FRIDAY));
        referral.when(new ReferralCommand.Close(ID, CSC, "sw-1", "again", FRIDAY)).conflict("already-closed");
        referral.when(acknowledge(FRIDAY)).conflict("referral-closed");
        referral.when(new ReferralCommand.Make(new MakeReferral(ID, CHILD, POLICE, "pc-1", CSC, List.of(), "again",
                ReferralUrgency.URGENT, "told", new Consent(Consent.GIVEN, null)), FRIDAY)).conflict("referral-exists");
        DeciderSpec.of(new ReferralDecider(T)).when(new ReferralCommand.Acknowledge(UUID.randomUUID(), CSC, "sw-1", FRIDAY))
                .notFound();
    }

    @Test
    void closing_stops_a_waiting_clock() {
        Instant monday = Instant.parse("2026-11-02T10:00:00Z");
        made(monday);
        referral.givenAccepted(acknowledge(monday), decide(ReferralOutcome.CHILD_IN_NEED_ASSESSMENT, monday),
                new ReferralCommand.Close(ID, CSC, "sw-1", "family moved out of area", monday.plusSeconds(86400)));
        referral.when(new ReferralCommand.RecordOverdue(Instant.parse("2027-06-01T00:00:00Z"))).thenNothing();
        assertTrue(ReferralDecider.nextDue(state()).isEmpty());
        assertEquals(ReferralState.Status.CLOSED, state().status());
        assertEquals("stopped", StatutoryClock.of(state()).get(1).status(Instant.parse("2027-06-01T00:00:00Z")));
    }

    @Test
    void an_early_help_decision_offers_help_and_starts_nothing_until_the_family_consents() {
        made(FRIDAY);
        referral.givenAccepted(acknowledge(FRIDAY));
        ReferralDecided decided = (ReferralDecided) referral.when(decide(ReferralOutcome.EARLY_HELP, FRIDAY)).events().get(0);
        assertEquals(null, decided.teamId());
        assertEquals(null, decided.assessmentDueBy());
        referral.givenAccepted(decide(ReferralOutcome.EARLY_HELP, FRIDAY));
        assertTrue(state().awaitingConsent());
        UUID team = UUID.randomUUID();
        EarlyHelpConsentRecorded given = (EarlyHelpConsentRecorded) referral.when(consent(CareVocabulary.Consent.GIVEN, team))
                .events().get(0);
        assertEquals(team, given.teamId());
        assertEquals("given", given.consent());
        referral.givenAccepted(consent(CareVocabulary.Consent.GIVEN, team));
        referral.when(consent(CareVocabulary.Consent.REFUSED, null)).conflict("consent-recorded");
    }

    @Test
    void a_family_that_refuses_early_help_forms_no_team() {
        made(FRIDAY);
        referral.givenAccepted(acknowledge(FRIDAY), decide(ReferralOutcome.EARLY_HELP, FRIDAY));
        EarlyHelpConsentRecorded refused = (EarlyHelpConsentRecorded) referral.when(consent(CareVocabulary.Consent.REFUSED,
                UUID.randomUUID())).events().get(0);
        assertEquals(null, refused.teamId());
        assertEquals("refused", refused.consent());
    }

    @Test
    void consent_is_asked_only_for_early_help_only_by_the_receiving_agency_and_not_once_closed() {
        made(FRIDAY);
        referral.when(consent(CareVocabulary.Consent.GIVEN, UUID.randomUUID())).conflict("no-early-help-offer");
        referral.givenAccepted(acknowledge(FRIDAY), decide(ReferralOutcome.NO_FURTHER_ACTION, FRIDAY));
        referral.when(consent(CareVocabulary.Consent.GIVEN, UUID.randomUUID())).conflict("no-early-help-offer");
        referral.when(new ReferralCommand.RecordConsent(ID, POLICE, "pc-1", CareVocabulary.Consent.GIVEN, null, null, FRIDAY))
                .forbidden(ReferralDecider.RECEIVING_AGENCY_ONLY);
        referral.givenAccepted(new ReferralCommand.Close(ID, CSC, "sw-1", "done", FRIDAY));
        referral.when(consent(CareVocabulary.Consent.GIVEN, UUID.randomUUID())).conflict("referral-closed");
    }

    ReferralCommand consent(CareVocabulary.Consent answer, UUID team) {
        return new ReferralCommand.RecordConsent(ID, CSC, "sw-1", answer, "the family agreed at a home visit", team, FRIDAY);
    }

    @Test
    void only_children_s_social_care_decides_a_statutory_step_and_a_school_decides_an_ordinary_request_for_help() {
        UUID toSchool = UUID.randomUUID();
        DeciderSpec<ReferralCommand, ReferralState, ReferralEvent> school = DeciderSpec.of(new ReferralDecider(T));
        school.givenAccepted(new ReferralCommand.Make(new MakeReferral(toSchool, CHILD, POLICE, "pc-1", "northside-primary",
                        List.of(), "absent a lot", ReferralUrgency.ROUTINE, "told", new Consent(Consent.GIVEN, null)), FRIDAY),
                new ReferralCommand.Acknowledge(toSchool, "northside-primary", "dsl-1", FRIDAY));
        for (ReferralOutcome statutory : List.of(ReferralOutcome.CHILD_IN_NEED_ASSESSMENT,
                ReferralOutcome.STRATEGY_DISCUSSION_AND_ENQUIRY, ReferralOutcome.IMMEDIATE_PROTECTION)) {
            school.when(new ReferralCommand.Decide(toSchool, "northside-primary", "dsl-1", statutory, "r", false, FRIDAY))
                    .forbidden(ReferralDecider.STATUTORY_DUTY);
        }
        for (ReferralOutcome ordinary : List.of(ReferralOutcome.NO_FURTHER_ACTION, ReferralOutcome.SUPPORT_OFFERED,
                ReferralOutcome.EARLY_HELP)) {
            assertEquals(List.of("referral-decided"), types(school.when(new ReferralCommand.Decide(toSchool,
                    "northside-primary", "dsl-1", ordinary, "attendance plan agreed with the family", false, FRIDAY)).events()));
        }
    }
}
