package org.joinedup.events.protection;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-protection-plan-ended} v1: the plan ended, by a review conference's decision
 * ({@code review-conference}), because the child moved to another local authority's area
 * ({@code moved-area}), or because the child turned 18 ({@code turned-eighteen}).
 */
public record ChildProtectionPlanEnded(UUID episodeId, UUID childId, String localAuthority, String reason, String note,
                                       String recordedBy, Instant endedAt) implements ChildProtectionEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return endedAt;
    }
}
