package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code referral-acknowledged} v1: the receiving agency confirmed it has the referral. */
public record ReferralAcknowledged(UUID referralId, UUID childId, String toAgency, String acknowledgedBy, Instant acknowledgedAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return acknowledgedAt;
    }
}
