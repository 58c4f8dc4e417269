package org.joinedup.referral.care.domain;

import org.joinedup.events.care.CareVocabulary;
import org.joinedup.events.care.ChildInNeedEvent;
import org.joinedup.events.care.ChildInNeedPlanReviewed;
import org.joinedup.events.care.ChildInNeedPlanStarted;
import org.joinedup.events.care.ChildInNeedReviewOverdue;
import org.joinedup.events.care.EmergencyProtectionOrderExpired;
import org.joinedup.events.care.LookedAfterEvent;
import org.joinedup.events.care.LookedAfterLegalStatusChanged;
import org.joinedup.events.care.LookedAfterStarted;
import org.joinedup.events.care.PoliceProtectionEnded;
import org.joinedup.events.care.PoliceProtectionEvent;
import org.joinedup.events.care.PoliceProtectionOverdue;
import org.joinedup.events.care.PoliceProtectionStarted;
import org.joinedup.referral.clock.WorkingDays;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Given a care episode's events, when an agency records a step or time passes, then these events or a named refusal. */
class CareDecidersTest {
    static final UUID CHILD = UUID.randomUUID();
    static final CareActor SOCIAL_CARE = new CareActor("haringey-csc", true, false, "sw-1");
    static final CareActor OTHER_LA = new CareActor("islington-csc", true, false, "sw-9");
    static final CareActor POLICE = new CareActor("met-police", false, true, "pc-1");
    static final CareActor OTHER_FORCE = new CareActor("city-police", false, true, "pc-9");
    static final CareActor SCHOOL = new CareActor("northside-primary", false, false, "dsl-1");
    /** 10:00 on Monday 2 November 2026 (GMT). */
    static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");

    @Nested
    class ChildInNeedPlans {
        final UUID plan = UUID.randomUUID();
        final DeciderSpec<ChildInNeedCommand, ChildInNeedState, ChildInNeedEvent> spec =
                DeciderSpec.of(new ChildInNeedDecider(WorkingDays.englandAndWales(), 3));

        ChildInNeedCommand start(CareActor actor, Instant startedAt) {
            return new ChildInNeedCommand.Start(plan, CHILD, null, "Priya Shah", "support with school and housing", startedAt,
                    actor, MONDAY);
        }

        @Test
        void social_care_starts_a_plan_whose_first_review_is_due_at_the_end_of_the_day_three_months_on() {
            ChildInNeedPlanStarted started = (ChildInNeedPlanStarted) spec.when(start(SOCIAL_CARE, MONDAY)).events().get(0);
            assertEquals("haringey-csc", started.localAuthority());
            assertEquals(Instant.parse("2027-02-03T00:00:00Z"), started.reviewDueBy());
        }

        @Test
        void only_children_s_social_care_starts_one_and_not_in_the_future() {
            spec.when(start(SCHOOL, MONDAY)).forbidden("statutory-duty");
            spec.when(start(POLICE, MONDAY)).forbidden("statutory-duty");
            spec.when(start(SOCIAL_CARE, MONDAY.plusSeconds(60))).invalid("startedAt", "not-in-future");
            spec.givenAccepted(start(SOCIAL_CARE, MONDAY));
            spec.when(start(SOCIAL_CARE, MONDAY)).conflict("plan-exists");
        }

        @Test
        void a_review_moves_the_next_one_on_and_one_missed_is_recorded_once_before_the_late_review() {
            spec.givenAccepted(start(SOCIAL_CARE, MONDAY));
            Instant due = ((ChildInNeedState.Plan) spec.state()).reviewDueBy();
            spec.when(new ChildInNeedCommand.RecordOverdue(due.minusSeconds(1))).thenNothing();
            spec.when(new ChildInNeedCommand.RecordOverdue(due)).thenEvents(e -> assertInstanceOf(ChildInNeedReviewOverdue.class,
                    e.get(0)));
            spec.when(new ChildInNeedCommand.RecordOverdue(due.plusSeconds(3600))).thenNothing();
            Instant late = due.plus(Duration.ofDays(2));
            List<ChildInNeedEvent> events = spec.accepted(new ChildInNeedCommand.Review(late.minusSeconds(60), "going well",
                    SOCIAL_CARE, late));
            assertEquals(1, events.size(), "the overdue was recorded already");
            ChildInNeedPlanReviewed reviewed = (ChildInNeedPlanReviewed) events.get(0);
            assertEquals(Instant.parse("2027-05-04T23:00:00Z"), reviewed.nextReviewDueBy(), "BST by then");
        }

        @Test
        void a_review_not_before_the_last_one_by_the_holding_authority_only_and_nothing_once_ended() {
            spec.givenAccepted(start(SOCIAL_CARE, MONDAY));
            Instant later = MONDAY.plus(Duration.ofDays(10));
            spec.when(new ChildInNeedCommand.Review(MONDAY.minusSeconds(60), "x", SOCIAL_CARE, later))
                    .invalid("heldAt", "not-before-last-review");
            spec.when(new ChildInNeedCommand.Review(later.plusSeconds(60), "x", SOCIAL_CARE, later))
                    .invalid("heldAt", "not-in-future");
            spec.when(new ChildInNeedCommand.Review(later, "x", OTHER_LA, later)).notFound();
            spec.givenAccepted(new ChildInNeedCommand.End(CareVocabulary.ChildInNeedPlanEnd.NEEDS_MET, "done", SOCIAL_CARE, later));
            spec.when(new ChildInNeedCommand.Review(later, "x", SOCIAL_CARE, later.plusSeconds(5))).conflict("plan-ended");
            spec.when(new ChildInNeedCommand.End(CareVocabulary.ChildInNeedPlanEnd.OTHER, "x", SOCIAL_CARE, later)).conflict("plan-ended");
            spec.when(new ChildInNeedCommand.RecordOverdue(later.plus(Duration.ofDays(400)))).thenNothing();
        }
    }

    @Nested
    class LookedAfter {
        final UUID episode = UUID.randomUUID();
        final DeciderSpec<LookedAfterCommand, LookedAfterState, LookedAfterEvent> spec = DeciderSpec.of(new LookedAfterDecider());

        @Test
        void an_emergency_protection_order_runs_out_after_eight_days_and_is_recorded_once() {
            LookedAfterStarted started = (LookedAfterStarted) spec.when(new LookedAfterCommand.Start(episode, CHILD,
                    CareVocabulary.LegalStatus.EMERGENCY_PROTECTION_ORDER, MONDAY, SOCIAL_CARE, MONDAY)).events().get(0);
            assertEquals(MONDAY.plus(Duration.ofDays(8)), started.orderExpiresAt());
            spec.givenAccepted(new LookedAfterCommand.Start(episode, CHILD, CareVocabulary.LegalStatus.EMERGENCY_PROTECTION_ORDER,
                    MONDAY, SOCIAL_CARE, MONDAY));
            spec.when(new LookedAfterCommand.RecordOverdue(MONDAY.plus(Duration.ofDays(8)).minusSeconds(1))).thenNothing();
            spec.when(new LookedAfterCommand.RecordOverdue(MONDAY.plus(Duration.ofDays(8))))
                    .thenEvents(e -> assertInstanceOf(EmergencyProtectionOrderExpired.class, e.get(0)));
            spec.when(new LookedAfterCommand.RecordOverdue(MONDAY.plus(Duration.ofDays(9)))).thenNothing();
        }

        @Test
        void an_interim_care_order_after_the_protection_order_stops_its_clock_and_section_20_has_none() {
            spec.givenAccepted(new LookedAfterCommand.Start(episode, CHILD, CareVocabulary.LegalStatus.EMERGENCY_PROTECTION_ORDER,
                    MONDAY, SOCIAL_CARE, MONDAY));
            Instant day6 = MONDAY.plus(Duration.ofDays(6));
            LookedAfterLegalStatusChanged changed = (LookedAfterLegalStatusChanged) spec.accepted(
                    new LookedAfterCommand.ChangeLegalStatus(CareVocabulary.LegalStatus.INTERIM_CARE_ORDER, day6, SOCIAL_CARE,
                            day6)).get(0);
            assertNull(changed.orderExpiresAt());
            spec.givenAccepted(new LookedAfterCommand.ChangeLegalStatus(CareVocabulary.LegalStatus.INTERIM_CARE_ORDER, day6,
                    SOCIAL_CARE, day6));
            spec.when(new LookedAfterCommand.RecordOverdue(MONDAY.plus(Duration.ofDays(30)))).thenNothing();
            spec.when(new LookedAfterCommand.ChangeLegalStatus(CareVocabulary.LegalStatus.INTERIM_CARE_ORDER, day6, SOCIAL_CARE,
                    day6)).conflict("same-legal-status");
            spec.when(new LookedAfterCommand.ChangeLegalStatus(CareVocabulary.LegalStatus.CARE_ORDER, MONDAY, SOCIAL_CARE,
                    day6)).invalid("changedAt", "not-before-current");
        }

        @Test
        void only_social_care_starts_it_only_the_holding_authority_changes_it_and_nothing_after_its_end() {
            spec.when(new LookedAfterCommand.Start(episode, CHILD, CareVocabulary.LegalStatus.SECTION_20, MONDAY, POLICE, MONDAY))
                    .forbidden("statutory-duty");
            spec.givenAccepted(new LookedAfterCommand.Start(episode, CHILD, CareVocabulary.LegalStatus.SECTION_20, MONDAY,
                    SOCIAL_CARE, MONDAY));
            Instant later = MONDAY.plus(Duration.ofDays(40));
            spec.when(new LookedAfterCommand.End(CareVocabulary.LookedAfterEnd.RETURNED_HOME, null, later, OTHER_LA, later))
                    .notFound();
            spec.when(new LookedAfterCommand.End(CareVocabulary.LookedAfterEnd.RETURNED_HOME, null, MONDAY.minusSeconds(1),
                    SOCIAL_CARE, later)).invalid("endedAt", "not-before-current");
            spec.givenAccepted(new LookedAfterCommand.End(CareVocabulary.LookedAfterEnd.RETURNED_HOME, "home with support", later,
                    SOCIAL_CARE, later));
            spec.when(new LookedAfterCommand.ChangeLegalStatus(CareVocabulary.LegalStatus.CARE_ORDER, later, SOCIAL_CARE, later))
                    .conflict("episode-ended");
        }
    }

    @Nested
    class PoliceProtection {
        final UUID protection = UUID.randomUUID();
        final DeciderSpec<PoliceProtectionCommand, PoliceProtectionState, PoliceProtectionEvent> spec =
                DeciderSpec.of(new PoliceProtectionDecider());

        PoliceProtectionCommand start(CareActor actor, Instant takenAt) {
            return new PoliceProtectionCommand.Start(protection, CHILD, "haringey-csc", takenAt, "found alone, injured",
                    "DS Okafor", actor, MONDAY);
        }

        @Test
        void a_police_force_takes_a_child_into_protection_for_at_most_72_hours() {
            PoliceProtectionStarted started = (PoliceProtectionStarted) spec.when(start(POLICE, MONDAY.minusSeconds(3600)))
                    .events().get(0);
            assertEquals(MONDAY.minusSeconds(3600).plus(Duration.ofHours(72)), started.endsBy());
            assertEquals("met-police", started.policeAgency());
            assertEquals("haringey-csc", started.localAuthority());
        }

        @Test
        void no_other_agency_may_record_it_nor_a_time_in_the_future() {
            spec.when(start(SOCIAL_CARE, MONDAY)).forbidden("statutory-duty");
            spec.when(start(SCHOOL, MONDAY)).forbidden("statutory-duty");
            spec.when(start(POLICE, MONDAY.plusSeconds(1))).invalid("takenAt", "not-in-future");
        }

        @Test
        void seventy_two_hours_without_an_end_are_recorded_once_and_the_end_is_still_recorded_after() {
            spec.givenAccepted(start(POLICE, MONDAY));
            Instant limit = MONDAY.plus(Duration.ofHours(72));
            spec.when(new PoliceProtectionCommand.RecordOverdue(limit.minusSeconds(1))).thenNothing();
            spec.when(new PoliceProtectionCommand.RecordOverdue(limit))
                    .thenEvents(e -> assertInstanceOf(PoliceProtectionOverdue.class, e.get(0)));
            spec.when(new PoliceProtectionCommand.RecordOverdue(limit.plusSeconds(60))).thenNothing();
            Instant late = limit.plusSeconds(7200);
            spec.when(new PoliceProtectionCommand.End(CareVocabulary.PoliceProtectionOutcome.ACCOMMODATED_BY_LOCAL_AUTHORITY,
                    null, late, POLICE, late)).thenEvents(e -> assertInstanceOf(PoliceProtectionEnded.class, e.get(0)));
        }

        @Test
        void an_end_recorded_after_the_72_hours_first_records_them_run_out() {
            spec.givenAccepted(start(POLICE, MONDAY));
            Instant late = MONDAY.plus(Duration.ofHours(80));
            List<PoliceProtectionEvent> events = spec.accepted(new PoliceProtectionCommand.End(
                    CareVocabulary.PoliceProtectionOutcome.RETURNED_HOME, null, late, POLICE, late));
            assertEquals(2, events.size());
            assertInstanceOf(PoliceProtectionOverdue.class, events.get(0));
        }

        @Test
        void only_the_force_that_took_the_child_ends_it_not_before_it_began_and_once() {
            spec.givenAccepted(start(POLICE, MONDAY));
            Instant later = MONDAY.plus(Duration.ofHours(20));
            spec.when(new PoliceProtectionCommand.End(CareVocabulary.PoliceProtectionOutcome.RETURNED_HOME, null, later,
                    OTHER_FORCE, later)).notFound();
            spec.when(new PoliceProtectionCommand.End(CareVocabulary.PoliceProtectionOutcome.RETURNED_HOME, null,
                    MONDAY.minusSeconds(1), POLICE, later)).invalid("endedAt", "not-before-taken");
            spec.givenAccepted(new PoliceProtectionCommand.End(CareVocabulary.PoliceProtectionOutcome.RETURNED_HOME, null, later,
                    POLICE, later));
            spec.when(new PoliceProtectionCommand.End(CareVocabulary.PoliceProtectionOutcome.OTHER, null, later, POLICE, later))
                    .conflict("protection-ended");
            spec.when(new PoliceProtectionCommand.RecordOverdue(MONDAY.plus(Duration.ofDays(5)))).thenNothing();
        }
    }
}
