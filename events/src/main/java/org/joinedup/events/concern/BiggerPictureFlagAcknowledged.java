package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code bigger-picture-flag-acknowledged} v1: a safeguarding lead has seen a flag and is acting on
 * it; the flag stays visible to the agencies holding concerns until it is cleared.
 */
public record BiggerPictureFlagAcknowledged(UUID flagId, UUID childId, String reason, String acknowledgedBy,
                                            Instant acknowledgedAt) implements FlagEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return acknowledgedAt;
    }
}
