package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code conference-overdue} v1: no initial child protection conference by {@code dueBy}; emitted once per referral. */
public record ConferenceOverdue(UUID referralId, UUID childId, String toAgency, Instant dueBy, Instant detectedAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
