package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code concern-amended} v1: the raising agency corrected a concern, for the reason given. The
 * concern-raised event stays as it was: this is a new fact, and the chronology shows both.
 */
public record ConcernAmended(UUID concernId, UUID childId, String agencyId, String amendedBy, String reason,
                             ConcernChanges changes, Instant amendedAt) implements ConcernEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    /** An amendment happens when it is made. */
    @Override
    public Instant occurredAt() {
        return amendedAt;
    }
}
