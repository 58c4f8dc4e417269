package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code emergency-protection-order-expired} v1: the emergency protection order ran out at {@code expiredAt}
 * (eight days, section 45) and no other legal status or end was recorded. Recorded once per order.
 */
public record EmergencyProtectionOrderExpired(UUID episodeId, UUID childId, String localAuthority, Instant expiredAt,
                                              Instant detectedAt) implements LookedAfterEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
