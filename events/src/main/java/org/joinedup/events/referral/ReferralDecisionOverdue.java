package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code referral-decision-overdue} v1: no decision by {@code dueBy}; emitted once per referral. */
public record ReferralDecisionOverdue(UUID referralId, UUID childId, String toAgency, Instant dueBy, Instant detectedAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
