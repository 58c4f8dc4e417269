package org.joinedup.referral.protection.domain;

import org.joinedup.events.protection.ChildProtectionClockOverdue;
import org.joinedup.events.protection.ChildProtectionEvent;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.CoreGroupMet;
import org.joinedup.events.protection.EnquiryConcluded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.protection.StrategyDiscussionRecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a child protection episode's events say about it now. Immutable. */
public sealed interface ChildProtectionState {

    /** Where an episode stands. */
    enum Stage {
        /** A strategy discussion decided something other than an enquiry: the episode goes no further. */
        CLOSED_AT_STRATEGY("closed-at-strategy-discussion"),
        ENQUIRY("section-47-enquiry"),
        /** The enquiry found no continuing risk. */
        CLOSED_AT_ENQUIRY("closed-at-enquiry"),
        AWAITING_CONFERENCE("awaiting-initial-conference"),
        /** The conference decided no plan. */
        CLOSED_AT_CONFERENCE("closed-at-conference"),
        PLAN("child-protection-plan"),
        PLAN_ENDED("plan-ended");

        private final String wireName;

        Stage(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record None() implements ChildProtectionState {
    }

    /**
     * An episode: its strategy discussion, the enquiry's outcome, the initial conference, the plan's core
     * groups and reviews (each in order), its end; the deadlines now running (null when none), the overdue
     * deadlines already recorded, and the version.
     */
    record Episode(StrategyDiscussionRecorded strategy, EnquiryConcluded enquiry, InitialConferenceHeld conference,
                   List<CoreGroupMet> coreGroups, List<ReviewConferenceHeld> reviews, ChildProtectionPlanEnded ended,
                   Set<String> overdueRecorded, int version) implements ChildProtectionState {
        public Episode {
            coreGroups = List.copyOf(coreGroups);
            reviews = List.copyOf(reviews);
            overdueRecorded = Set.copyOf(overdueRecorded);
        }

        public UUID episodeId() {
            return strategy.episodeId();
        }

        public UUID childId() {
            return strategy.childId();
        }

        public String localAuthority() {
            return strategy.localAuthority();
        }

        public Stage stage() {
            if (ended != null) {
                return Stage.PLAN_ENDED;
            }
            if (conference != null) {
                return conference.categories().isEmpty() ? Stage.CLOSED_AT_CONFERENCE : Stage.PLAN;
            }
            if (enquiry != null) {
                return enquiry.conferenceDueBy() == null ? Stage.CLOSED_AT_ENQUIRY : Stage.AWAITING_CONFERENCE;
            }
            return "section-47-enquiry".equals(strategy.decision()) ? Stage.ENQUIRY : Stage.CLOSED_AT_STRATEGY;
        }

        /** The plan's categories as the latest conference that named them left them (empty without a plan). */
        public List<String> categories() {
            for (int i = reviews.size() - 1; i >= 0; i--) {
                if (!reviews.get(i).categories().isEmpty()) {
                    return reviews.get(i).categories();
                }
            }
            return conference == null ? List.of() : conference.categories();
        }

        /** When the plan started (the initial conference), if one did. */
        public Instant planSince() {
            return conference == null || conference.categories().isEmpty() ? null : conference.heldAt();
        }

        /** When the next review conference is due, while the plan lasts. */
        public LocalDate nextReviewDueBy() {
            if (stage() != Stage.PLAN) {
                return null;
            }
            return reviews.isEmpty() ? conference.firstReviewDueBy() : reviews.get(reviews.size() - 1).nextReviewDueBy();
        }

        /** A key naming one deadline of one clock: recorded overdue once. */
        static String key(String clock, Object dueBy) {
            return clock + "@" + dueBy;
        }

        Episode with(EnquiryConcluded e, InitialConferenceHeld c, List<CoreGroupMet> g, List<ReviewConferenceHeld> r,
                     ChildProtectionPlanEnded end, Set<String> overdue) {
            return new Episode(strategy, e, c, g, r, end, overdue, version + 1);
        }
    }

    static ChildProtectionState evolve(ChildProtectionState state, ChildProtectionEvent event) {
        if (state instanceof None) {
            if (event instanceof StrategyDiscussionRecorded s) {
                return new Episode(s, null, null, List.of(), List.of(), null, Set.of(), 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before strategy-discussion-recorded");
        }
        Episode e = (Episode) state;
        return switch (event) {
            case StrategyDiscussionRecorded s -> throw new IllegalStateException("an episode has one strategy discussion");
            case EnquiryConcluded c -> e.with(c, e.conference(), e.coreGroups(), e.reviews(), e.ended(), e.overdueRecorded());
            case InitialConferenceHeld c -> e.with(e.enquiry(), c, e.coreGroups(), e.reviews(), e.ended(), e.overdueRecorded());
            case CoreGroupMet g -> {
                List<CoreGroupMet> groups = new ArrayList<>(e.coreGroups());
                groups.add(g);
                yield e.with(e.enquiry(), e.conference(), groups, e.reviews(), e.ended(), e.overdueRecorded());
            }
            case ReviewConferenceHeld r -> {
                List<ReviewConferenceHeld> reviews = new ArrayList<>(e.reviews());
                reviews.add(r);
                yield e.with(e.enquiry(), e.conference(), e.coreGroups(), reviews, e.ended(), e.overdueRecorded());
            }
            case ChildProtectionPlanEnded end -> e.with(e.enquiry(), e.conference(), e.coreGroups(), e.reviews(), end,
                    e.overdueRecorded());
            case ChildProtectionClockOverdue o -> {
                Set<String> overdue = new HashSet<>(e.overdueRecorded());
                overdue.add(Episode.key(o.clock(), o.dueBy()));
                yield e.with(e.enquiry(), e.conference(), e.coreGroups(), e.reviews(), e.ended(), overdue);
            }
        };
    }
}
