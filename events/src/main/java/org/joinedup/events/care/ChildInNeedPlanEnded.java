package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-in-need-plan-ended} v1: the plan ended ({@code reason}: {@code needs-met}, {@code stepped-down}
 * to early help, {@code stepped-up} to a child protection plan or care, {@code moved-area},
 * {@code turned-eighteen} or {@code other}).
 */
public record ChildInNeedPlanEnded(UUID planId, UUID childId, String localAuthority, String reason, String note, Instant endedAt,
                                   String recordedBy) implements ChildInNeedEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return endedAt;
    }
}
