package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code assessment-completed} v1: the assessment a decision called for was completed (stops the 45-working-day clock). */
public record AssessmentCompleted(UUID referralId, UUID childId, String toAgency, String completedBy, String summary, Instant completedAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
