package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code looked-after-started} v1: the child became looked after by the local authority, under
 * {@code legalStatus}: {@code section-20} (accommodated with the parents' agreement),
 * {@code interim-care-order}, {@code care-order} or {@code emergency-protection-order} (section 44, at
 * most eight days: {@code orderExpiresAt}).
 */
public record LookedAfterStarted(UUID episodeId, UUID childId, String localAuthority, String legalStatus, Instant startedAt,
                                 Instant orderExpiresAt, String recordedBy) implements LookedAfterEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
