package org.joinedup.referral.referral;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.AssessmentOverdue;
import org.joinedup.events.referral.ConferenceOverdue;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralDecisionOverdue;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.ReferralUrgency;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.clock.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given past events, when a command (or time passes), then these events. No Quarkus. */
class ReferralDeciderTest {
    static final Timescales T = Timescales.statutory(WorkingDays.englandAndWales());
    static final UUID ID = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final String POLICE = "met-police";
    static final String CSC = "haringey-csc";
    /** 15:00 BST on the Friday before the summer bank holiday: the decision is due at midnight after Tuesday. */
    static final Instant FRIDAY = Instant.parse("2026-08-28T14:00:00Z");
    static final Instant DECISION_DUE = Instant.parse("2026-09-01T23:00:00Z");

    final List<EventPayload> history = new ArrayList<>();

    ReferralState state() {
        return ReferralState.fold(history);
    }

    List<EventPayload> given(List<EventPayload> events) {
        history.addAll(events);
        return events;
    }

    void made(Instant at) {
        given(ReferralDecider.make(new MakeReferral(ID, CHILD, POLICE, "pc-1", CSC, List.of(UUID.randomUUID()), "bruises",
                ReferralUrgency.URGENT, "mother told", new Consent(Consent.REFUSED, "child at risk")), state(), T, at));
    }

    static List<String> types(List<EventPayload> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }

    @Test
    void a_referral_made_on_a_friday_afternoon_before_a_bank_holiday_monday_is_due_at_the_end_of_tuesday() {
        made(FRIDAY);
        assertEquals(DECISION_DUE, ((ReferralMade) history.get(0)).decisionDueBy());
        assertEquals(List.of(), ReferralDecider.overdue(state(), Instant.parse("2026-09-01T22:59:59Z")));
        List<EventPayload> overdue = ReferralDecider.overdue(state(), DECISION_DUE);
        assertEquals(List.of("referral-decision-overdue"), types(overdue));
        assertEquals(DECISION_DUE, ((ReferralDecisionOverdue) overdue.get(0)).dueBy());
    }

    @Test
    void a_decision_recorded_one_minute_late_is_recorded_overdue_first_and_only_once() {
        made(FRIDAY);
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), FRIDAY.plusSeconds(600)));
        List<EventPayload> late = given(ReferralDecider.decide(ID, CSC, "sw-1", ReferralOutcome.NO_FURTHER_ACTION,
                "no risk found", null, state(), T, DECISION_DUE.plusSeconds(60)));
        assertEquals(List.of("referral-decision-overdue", "referral-decided"), types(late));
        assertEquals(List.of(), ReferralDecider.overdue(state(), DECISION_DUE.plusSeconds(3600)));
        assertEquals("met-late", StatutoryClock.of(state()).get(0).status(DECISION_DUE.plusSeconds(3600)));
    }

    @Test
    void a_decision_one_minute_before_the_deadline_is_on_time() {
        made(FRIDAY);
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), FRIDAY.plusSeconds(600)));
        List<EventPayload> onTime = ReferralDecider.decide(ID, CSC, "sw-1", ReferralOutcome.NO_FURTHER_ACTION, "no risk",
                null, state(), T, DECISION_DUE.minusSeconds(60));
        assertEquals(List.of("referral-decided"), types(onTime));
    }

    @Test
    void the_sweep_records_a_decision_overdue_once_and_a_later_decision_does_not_repeat_it() {
        made(FRIDAY);
        given(ReferralDecider.overdue(state(), DECISION_DUE.plusSeconds(5)));
        assertEquals(List.of(), ReferralDecider.overdue(state(), DECISION_DUE.plusSeconds(600)));
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), DECISION_DUE.plusSeconds(700)));
        assertEquals(List.of("referral-decided"), types(ReferralDecider.decide(ID, CSC, "sw-1",
                ReferralOutcome.EARLY_HELP, "support", UUID.randomUUID(), state(), T, DECISION_DUE.plusSeconds(800))));
    }

    @Test
    void an_assessment_completed_on_working_day_45_is_on_time_and_one_completed_the_next_morning_is_late() {
        Instant monday = Instant.parse("2026-11-02T10:00:00Z");
        made(monday);
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), monday.plusSeconds(60)));
        ReferralDecided decided = (ReferralDecided) given(ReferralDecider.decide(ID, CSC, "sw-1",
                ReferralOutcome.CHILD_IN_NEED_ASSESSMENT, "s17", null, state(), T, monday.plusSeconds(120))).get(0);
        Instant due = Instant.parse("2027-01-08T00:00:00Z"); // the end of Thursday 7 January 2027, day 45
        assertEquals(due, decided.assessmentDueBy());

        List<EventPayload> onDay45 = ReferralDecider.completeAssessment(ID, CSC, "sw-1", "needs met by family",
                state(), Instant.parse("2027-01-07T16:30:00Z"));
        assertEquals(List.of("assessment-completed"), types(onDay45));

        List<EventPayload> dayAfter = ReferralDecider.completeAssessment(ID, CSC, "sw-1", "needs met", state(),
                due.plusSeconds(1));
        assertEquals(List.of("assessment-overdue", "assessment-completed"), types(dayAfter));
        assertEquals(due, ((AssessmentOverdue) dayAfter.get(0)).dueBy());
    }

    @Test
    void a_strategy_discussion_starts_the_fifteen_working_day_conference_clock() {
        made(FRIDAY);
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), FRIDAY.plusSeconds(60)));
        given(ReferralDecider.decide(ID, CSC, "sw-1", ReferralOutcome.STRATEGY_DISCUSSION_AND_ENQUIRY, "s47", null,
                state(), T, FRIDAY.plusSeconds(120)));
        Instant discussion = FRIDAY.plusSeconds(3600);
        given(ReferralDecider.holdStrategyDiscussion(ID, CSC, "sw-1", "police present", discussion, state(), T,
                FRIDAY.plusSeconds(7200)));
        // 15 working days after Friday 28 August (31 August a bank holiday): Monday 21 September, midnight BST after.
        Instant due = Instant.parse("2026-09-21T23:00:00Z");
        assertEquals(List.of(), ReferralDecider.overdue(state(), due.minusSeconds(1)));
        List<EventPayload> overdue = ReferralDecider.overdue(state(), due);
        assertEquals(List.of("conference-overdue"), types(overdue));
        assertEquals(due, ((ConferenceOverdue) overdue.get(0)).dueBy());
    }

    @Test
    void deciding_twice_closing_undecided_and_another_agency_are_refused() {
        made(FRIDAY);
        ProblemException notAcked = assertThrows(ProblemException.class, () -> ReferralDecider.decide(ID, CSC, "sw-1",
                ReferralOutcome.EARLY_HELP, "x", null, state(), T, FRIDAY));
        assertEquals("not-acknowledged", notAcked.problem().type().toString().replaceAll(".*/", ""));
        ProblemException undecided = assertThrows(ProblemException.class,
                () -> ReferralDecider.close(ID, CSC, "sw-1", "done", state(), FRIDAY));
        assertEquals(409, undecided.problem().status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> ReferralDecider.acknowledge(ID, POLICE, "pc-1", state(), FRIDAY)).problem().status());
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), FRIDAY));
        assertEquals(List.of(), ReferralDecider.acknowledge(ID, CSC, "sw-2", state(), FRIDAY), "a repeat records nothing");
        given(ReferralDecider.decide(ID, CSC, "sw-1", ReferralOutcome.NO_FURTHER_ACTION, "x", null, state(), T, FRIDAY));
        assertEquals(409, assertThrows(ProblemException.class, () -> ReferralDecider.decide(ID, CSC, "sw-1",
                ReferralOutcome.EARLY_HELP, "x", null, state(), T, FRIDAY)).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> ReferralDecider.completeAssessment(ID, CSC, "sw-1",
                "x", state(), FRIDAY)).problem().status(), "no assessment was called for");
        given(ReferralDecider.close(ID, CSC, "sw-1", "done", state(), FRIDAY));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> ReferralDecider.close(ID, CSC, "sw-1", "again", state(), FRIDAY)).problem().status());
        assertEquals(404, assertThrows(ProblemException.class, () -> ReferralDecider.acknowledge(UUID.randomUUID(), CSC,
                "sw-1", ReferralState.NONE, FRIDAY)).problem().status());
    }

    @Test
    void closing_stops_a_waiting_clock() {
        Instant monday = Instant.parse("2026-11-02T10:00:00Z");
        made(monday);
        given(ReferralDecider.acknowledge(ID, CSC, "sw-1", state(), monday));
        given(ReferralDecider.decide(ID, CSC, "sw-1", ReferralOutcome.CHILD_IN_NEED_ASSESSMENT, "s17", null, state(), T, monday));
        given(ReferralDecider.close(ID, CSC, "sw-1", "family moved out of area", state(), monday.plusSeconds(86400)));
        assertEquals(List.of(), ReferralDecider.overdue(state(), Instant.parse("2027-06-01T00:00:00Z")));
        assertTrue(ReferralDecider.nextDue(state()).isEmpty());
        assertEquals("stopped", StatutoryClock.of(state()).get(1).status(Instant.parse("2027-06-01T00:00:00Z")));
    }
}
