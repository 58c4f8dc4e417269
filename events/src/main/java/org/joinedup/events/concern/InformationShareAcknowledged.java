package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/** {@code information-share-acknowledged} v1: the recipient agency acknowledged what was shared with it. */
public record InformationShareAcknowledged(UUID shareId, UUID childId, String toAgency, String acknowledgedBy,
                                           Instant acknowledgedAt) implements ShareEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return acknowledgedAt;
    }
}
