package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code looked-after-legal-status-changed} v1: the child is looked after under another legal status from
 * {@code changedAt} (an emergency protection order followed by an interim care order, say);
 * {@code orderExpiresAt} when the new status is an emergency protection order.
 */
public record LookedAfterLegalStatusChanged(UUID episodeId, UUID childId, String localAuthority, String legalStatus,
                                            Instant changedAt, Instant orderExpiresAt, String recordedBy) implements LookedAfterEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return changedAt;
    }
}
