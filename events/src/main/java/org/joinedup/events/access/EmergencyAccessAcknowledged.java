package org.joinedup.events.access;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code emergency-access-acknowledged} v1: an agency told of a break-glass opening of its records
 * (an {@link EmergencyAccessGranted} notice in its inbox) acknowledged that it has seen it.
 */
public record EmergencyAccessAcknowledged(UUID grantId, UUID childId, String agencyId, String acknowledgedBy,
                                          Instant acknowledgedAt) implements EmergencyAccessEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return acknowledgedAt;
    }
}
