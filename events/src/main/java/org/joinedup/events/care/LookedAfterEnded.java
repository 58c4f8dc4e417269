package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code looked-after-ended} v1: the child stopped being looked after ({@code reason}: {@code returned-home},
 * {@code special-guardianship-order}, {@code child-arrangements-order}, {@code adopted}, {@code moved-area},
 * {@code turned-eighteen} or {@code other}).
 */
public record LookedAfterEnded(UUID episodeId, UUID childId, String localAuthority, String reason, String note, Instant endedAt,
                               String recordedBy) implements LookedAfterEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return endedAt;
    }
}
