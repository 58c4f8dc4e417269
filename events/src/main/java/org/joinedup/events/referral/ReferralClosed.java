package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code referral-closed} v1: the receiving agency closed a decided referral, for the reason given; its clocks stop. */
public record ReferralClosed(UUID referralId, UUID childId, String toAgency, String closedBy, String reason, Instant closedAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return closedAt;
    }
}
