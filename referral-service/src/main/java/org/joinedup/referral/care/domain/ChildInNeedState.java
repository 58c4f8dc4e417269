package org.joinedup.referral.care.domain;

import org.joinedup.events.care.ChildInNeedEvent;
import org.joinedup.events.care.ChildInNeedPlanEnded;
import org.joinedup.events.care.ChildInNeedPlanReviewed;
import org.joinedup.events.care.ChildInNeedPlanStarted;
import org.joinedup.events.care.ChildInNeedReviewOverdue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a child in need plan's events say about it now: nothing yet, or the plan. Immutable. */
public sealed interface ChildInNeedState {

    record None() implements ChildInNeedState {
    }

    /**
     * The plan: how it started, its reviews, when the next is due, the deadlines already recorded overdue, its end
     * (null while it is in force) and its version (the number of its events, the ETag).
     */
    record Plan(ChildInNeedPlanStarted started, List<ChildInNeedPlanReviewed> reviews, Instant reviewDueBy,
                Set<Instant> overdueRecorded, ChildInNeedPlanEnded ended, int version) implements ChildInNeedState {
        public Plan {
            reviews = List.copyOf(reviews);
            overdueRecorded = Set.copyOf(overdueRecorded);
        }

        public boolean open() {
            return ended == null;
        }

        /** When the open plan's review is due and not yet recorded overdue; null when none is waiting. */
        public Instant pendingReview() {
            return open() && !overdueRecorded.contains(reviewDueBy) ? reviewDueBy : null;
        }

        /** The last thing that happened to the plan: its start or its latest review. */
        public Instant lastHeld() {
            return reviews.isEmpty() ? started.startedAt() : reviews.get(reviews.size() - 1).heldAt();
        }
    }

    static ChildInNeedState evolve(ChildInNeedState state, ChildInNeedEvent event) {
        if (state instanceof None) {
            if (event instanceof ChildInNeedPlanStarted s) {
                return new Plan(s, List.of(), s.reviewDueBy(), Set.of(), null, 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before child-in-need-plan-started");
        }
        Plan p = (Plan) state;
        return switch (event) {
            case ChildInNeedPlanStarted s -> throw new IllegalStateException("a plan starts once");
            case ChildInNeedPlanReviewed r -> {
                List<ChildInNeedPlanReviewed> reviews = new ArrayList<>(p.reviews());
                reviews.add(r);
                yield new Plan(p.started(), reviews, r.nextReviewDueBy(), p.overdueRecorded(), p.ended(), p.version() + 1);
            }
            case ChildInNeedPlanEnded e -> new Plan(p.started(), p.reviews(), p.reviewDueBy(), p.overdueRecorded(), e,
                    p.version() + 1);
            case ChildInNeedReviewOverdue o -> {
                Set<Instant> recorded = new HashSet<>(p.overdueRecorded());
                recorded.add(o.dueBy());
                yield new Plan(p.started(), p.reviews(), p.reviewDueBy(), recorded, p.ended(), p.version() + 1);
            }
        };
    }
}
