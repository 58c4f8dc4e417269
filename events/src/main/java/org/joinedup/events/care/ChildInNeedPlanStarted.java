package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-in-need-plan-started} v1: the child's local authority made a child in need plan (section 17)
 * after its assessment; {@code leadSocialWorker} is the named worker, and the first review is due by
 * {@code reviewDueBy}.
 */
public record ChildInNeedPlanStarted(UUID planId, UUID childId, String localAuthority, UUID referralId, String leadSocialWorker,
                                     String summary, Instant startedAt, Instant reviewDueBy, String recordedBy) implements ChildInNeedEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
