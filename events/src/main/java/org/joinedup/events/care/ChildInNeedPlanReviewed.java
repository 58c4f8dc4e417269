package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-in-need-plan-reviewed} v1: a review of the plan was held; the next is due by
 * {@code nextReviewDueBy}.
 */
public record ChildInNeedPlanReviewed(UUID planId, UUID childId, String localAuthority, Instant heldAt, String summary,
                                      Instant nextReviewDueBy, String recordedBy) implements ChildInNeedEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return heldAt;
    }
}
