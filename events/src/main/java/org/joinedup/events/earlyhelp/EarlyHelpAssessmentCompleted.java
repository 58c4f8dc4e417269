package org.joinedup.events.earlyhelp;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code early-help-assessment-completed} v1: the assessment concluded ({@link EarlyHelpOutcome} wire
 * name) on its latest version ({@code version}), and why. {@code referralId} is the referral to
 * children's social care for a step up; null otherwise.
 */
public record EarlyHelpAssessmentCompleted(UUID assessmentId, UUID childId, int version, String outcome, String reason,
                                           UUID referralId, String completedBy, String completedByAgency,
                                           Instant completedAt) implements EarlyHelpAssessmentEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
