package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-in-need-review-overdue} v1: the plan's review was due by {@code dueBy} and none was
 * recorded. Recorded once per deadline.
 */
public record ChildInNeedReviewOverdue(UUID planId, UUID childId, String localAuthority, Instant dueBy, Instant detectedAt) implements ChildInNeedEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
