package org.joinedup.referral.protection.domain;

import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ChildProtectionClockOverdue;
import org.joinedup.events.protection.ChildProtectionEvent;
import org.joinedup.events.protection.EnquiryConcluded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ProtectionVocabulary.EnquiryOutcome;
import org.joinedup.events.protection.ProtectionVocabulary.PlanCategory;
import org.joinedup.events.protection.ProtectionVocabulary.PlanEnd;
import org.joinedup.events.protection.ProtectionVocabulary.StrategyDecision;
import org.joinedup.referral.clock.WorkingDays;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Given an episode's events, when children's social care records a step or time passes, then these events. */
class ChildProtectionDeciderTest {
    static final WorkingDays DAYS = WorkingDays.englandAndWales();
    static final UUID EPISODE = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final String CSC = "haringey-csc";
    static final ChildProtectionCommand.Actor SOCIAL_CARE = new ChildProtectionCommand.Actor(CSC, true, "sw-1");
    static final ChildProtectionCommand.Actor POLICE = new ChildProtectionCommand.Actor("met-police", false, "pc-1");
    static final ChildProtectionCommand.Actor OTHER_LA = new ChildProtectionCommand.Actor("islington-csc", true, "sw-9");
    /** Friday 28 August 2026, before the summer bank holiday. */
    static final Instant FRIDAY = Instant.parse("2026-08-28T10:00:00Z");
    static final List<Attendance> POLICE_AND_HEALTH = List.of(new Attendance("met-police", "police", true, "two call-outs"),
            new Attendance("whittington-health", "health", true, "bruising at A&E"),
            new Attendance("northside-primary", "education", false, null));

    final DeciderSpec<ChildProtectionCommand, ChildProtectionState, ChildProtectionEvent> spec =
            DeciderSpec.of(ChildProtectionDecider.statutory(DAYS));

    ChildProtectionState.Episode episode() {
        return (ChildProtectionState.Episode) spec.state();
    }

    static ChildProtectionCommand.RecordStrategyDiscussion strategy(List<Attendance> attendance, StrategyDecision decision,
                                                                    ChildProtectionCommand.Actor actor) {
        return new ChildProtectionCommand.RecordStrategyDiscussion(EPISODE, CHILD, null, FRIDAY, attendance, decision,
                "reasonable cause to suspect significant harm", actor, FRIDAY.plusSeconds(3600));
    }

    void toConference() {
        spec.givenAccepted(strategy(POLICE_AND_HEALTH, StrategyDecision.SECTION_47_ENQUIRY, SOCIAL_CARE),
                new ChildProtectionCommand.ConcludeEnquiry(EnquiryOutcome.SUBSTANTIATED_CONTINUING_RISK, "injuries",
                        SOCIAL_CARE, FRIDAY.plusSeconds(86_400 * 4)));
    }

    static ChildProtectionCommand.HoldInitialConference conference(Instant heldAt, List<PlanCategory> categories, String lead) {
        return new ChildProtectionCommand.HoldInitialConference(heldAt, List.of("met-police", "whittington-health"), true, false,
                categories, lead, SOCIAL_CARE, heldAt.plusSeconds(3600));
    }

    @Test
    void a_strategy_discussion_takes_part_with_the_police_and_health_and_is_social_care_s_to_record() {
        spec.when(strategy(List.of(new Attendance("met-police", "police", true, null),
                new Attendance("whittington-health", "health", false, "sent apologies")), StrategyDecision.SECTION_47_ENQUIRY,
                SOCIAL_CARE)).invalid("attendance", "police-and-health");
        spec.when(strategy(POLICE_AND_HEALTH, StrategyDecision.SECTION_47_ENQUIRY, POLICE))
                .forbidden(ChildProtectionDecider.STATUTORY_DUTY);
        spec.when(strategy(POLICE_AND_HEALTH, StrategyDecision.SECTION_47_ENQUIRY, SOCIAL_CARE))
                .thenEvents(e -> assertEquals(List.of("strategy-discussion-recorded"), types(e)));
        assertEquals(ChildProtectionState.Stage.ENQUIRY, episode().stage());
        spec.when(strategy(POLICE_AND_HEALTH, StrategyDecision.NO_FURTHER_ACTION, SOCIAL_CARE)).conflict("episode-exists");
    }

    @Test
    void an_enquiry_with_continuing_risk_calls_a_conference_within_15_working_days_of_the_strategy_discussion() {
        spec.givenAccepted(strategy(POLICE_AND_HEALTH, StrategyDecision.SECTION_47_ENQUIRY, SOCIAL_CARE));
        spec.when(new ChildProtectionCommand.ConcludeEnquiry(EnquiryOutcome.SUBSTANTIATED_CONTINUING_RISK, "injuries",
                OTHER_LA, FRIDAY)).notFound();
        // 15 working days after Friday 28 August (31 August a bank holiday): Monday 21 September, midnight BST after.
        spec.when(new ChildProtectionCommand.ConcludeEnquiry(EnquiryOutcome.SUBSTANTIATED_CONTINUING_RISK, "injuries",
                SOCIAL_CARE, FRIDAY.plusSeconds(86_400))).thenEvents(e -> assertEquals(Instant.parse("2026-09-21T23:00:00Z"),
                ((EnquiryConcluded) e.get(0)).conferenceDueBy()));
        assertEquals(ChildProtectionState.Stage.AWAITING_CONFERENCE, episode().stage());
        spec.when(new ChildProtectionCommand.RecordOverdue(Instant.parse("2026-09-21T22:59:00Z"))).thenNothing();
        spec.when(new ChildProtectionCommand.RecordOverdue(Instant.parse("2026-09-21T23:00:00Z"))).thenEvents(e ->
                assertEquals(ChildProtectionClockOverdue.INITIAL_CONFERENCE, ((ChildProtectionClockOverdue) e.get(0)).clock()));
        spec.when(new ChildProtectionCommand.RecordOverdue(Instant.parse("2026-09-22T10:00:00Z"))).thenNothing();
    }

    @Test
    void an_enquiry_without_continuing_risk_ends_the_episode_and_no_conference_follows() {
        spec.givenAccepted(strategy(POLICE_AND_HEALTH, StrategyDecision.SECTION_47_ENQUIRY, SOCIAL_CARE),
                new ChildProtectionCommand.ConcludeEnquiry(EnquiryOutcome.NOT_SUBSTANTIATED, "accidental", SOCIAL_CARE,
                        FRIDAY.plusSeconds(86_400)));
        assertNull(((EnquiryConcluded) spec.history().get(1)).conferenceDueBy());
        spec.when(conference(FRIDAY.plusSeconds(86_400 * 2), List.of(PlanCategory.NEGLECT), "Priya Shah"))
                .conflict("no-conference-called");
        spec.when(new ChildProtectionCommand.ConcludeEnquiry(EnquiryOutcome.NOT_SUBSTANTIATED, "again", SOCIAL_CARE, FRIDAY))
                .conflict("no-enquiry-open");
    }

    @Test
    void a_conference_decides_a_plan_with_its_categories_and_lead_social_worker_and_starts_its_clocks() {
        toConference();
        Instant held = Instant.parse("2026-09-10T09:00:00Z");
        spec.when(conference(held, List.of(PlanCategory.NEGLECT), null)).invalid("leadSocialWorker", "required-with-plan");
        spec.when(conference(held, List.of(), "Priya Shah")).invalid("leadSocialWorker", "plan-only");
        spec.when(conference(FRIDAY.minusSeconds(60), List.of(PlanCategory.NEGLECT), "Priya Shah"))
                .invalid("heldAt", "not-before-strategy-discussion");
        spec.when(conference(held, List.of(PlanCategory.PHYSICAL_ABUSE, PlanCategory.NEGLECT), "Priya Shah")).thenEvents(e -> {
            InitialConferenceHeld c = (InitialConferenceHeld) e.get(0);
            assertEquals(List.of("physical-abuse", "neglect"), c.categories());
            assertEquals(Instant.parse("2026-09-24T23:00:00Z"), c.coreGroupDueBy(), "10 working days after Thursday 10 September");
            assertEquals(LocalDate.parse("2026-12-10"), c.firstReviewDueBy(), "three months after the conference");
        });
        assertEquals(ChildProtectionState.Stage.PLAN, episode().stage());
        assertEquals(held, episode().planSince());
    }

    @Test
    void the_core_group_and_review_conferences_keep_their_clocks_and_a_review_may_end_the_plan() {
        toConference();
        Instant held = Instant.parse("2026-09-10T09:00:00Z");
        spec.givenAccepted(conference(held, List.of(PlanCategory.NEGLECT), "Priya Shah"));
        spec.when(new ChildProtectionCommand.RecordOverdue(Instant.parse("2026-09-24T23:00:00Z"))).thenEvents(e ->
                assertEquals(ChildProtectionClockOverdue.CORE_GROUP, ((ChildProtectionClockOverdue) e.get(0)).clock()));
        spec.givenAccepted(new ChildProtectionCommand.RecordCoreGroup(Instant.parse("2026-09-25T10:00:00Z"), List.of("met-police"),
                SOCIAL_CARE, Instant.parse("2026-09-25T12:00:00Z")));
        spec.when(new ChildProtectionCommand.RecordOverdue(Instant.parse("2026-12-10T12:00:00Z"))).thenNothing();
        spec.givenAccepted(new ChildProtectionCommand.HoldReviewConference(Instant.parse("2026-12-08T10:00:00Z"), false,
                List.of(PlanCategory.NEGLECT), SOCIAL_CARE, Instant.parse("2026-12-08T12:00:00Z")));
        assertEquals(LocalDate.parse("2027-06-08"), episode().nextReviewDueBy(), "then at most every six months");
        spec.when(new ChildProtectionCommand.HoldReviewConference(Instant.parse("2027-05-01T10:00:00Z"), false, List.of(),
                SOCIAL_CARE, Instant.parse("2027-05-01T12:00:00Z"))).invalid("categories", "required-with-plan");
        spec.when(new ChildProtectionCommand.HoldReviewConference(Instant.parse("2027-05-01T10:00:00Z"), true, List.of(),
                SOCIAL_CARE, Instant.parse("2027-05-01T12:00:00Z"))).thenEvents(e -> assertEquals(
                List.of("review-conference-held", "child-protection-plan-ended"), types(e)));
        assertEquals(ChildProtectionState.Stage.PLAN_ENDED, episode().stage());
        spec.when(new ChildProtectionCommand.EndPlan(PlanEnd.MOVED_AREA, null, SOCIAL_CARE, Instant.parse("2027-05-02T10:00:00Z")))
                .conflict("no-plan");
    }

    @Test
    void a_plan_ends_when_the_child_moves_area_and_a_review_conference_is_not_an_end_reason_by_itself() {
        toConference();
        Instant held = Instant.parse("2026-09-10T09:00:00Z");
        spec.givenAccepted(conference(held, List.of(PlanCategory.SEXUAL_ABUSE), "Priya Shah"));
        spec.when(new ChildProtectionCommand.EndPlan(PlanEnd.REVIEW_CONFERENCE, null, SOCIAL_CARE, held.plusSeconds(86_400)))
                .invalid("reason", "one-of");
        spec.when(new ChildProtectionCommand.EndPlan(PlanEnd.MOVED_AREA, "moved to Leeds; transfer-in conference booked",
                SOCIAL_CARE, held.plusSeconds(86_400))).thenEvents(e -> assertEquals(List.of("child-protection-plan-ended"),
                types(e)));
    }

    static List<String> types(List<ChildProtectionEvent> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }
}
