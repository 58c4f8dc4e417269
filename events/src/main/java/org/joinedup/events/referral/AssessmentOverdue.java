package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code assessment-overdue} v1: the assessment was not completed by {@code dueBy}; emitted once per referral. */
public record AssessmentOverdue(UUID referralId, UUID childId, String toAgency, Instant dueBy, Instant detectedAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
