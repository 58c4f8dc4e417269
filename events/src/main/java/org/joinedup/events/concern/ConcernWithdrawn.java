package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/** {@code concern-withdrawn} v1: the raising agency withdrew a concern, for the reason given; it stays in history. */
public record ConcernWithdrawn(UUID concernId, UUID childId, String agencyId, String withdrawnBy, String reason,
                               Instant withdrawnAt) implements ConcernEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
