package org.joinedup.events.earlyhelp;


import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code early-help-assessment-reviewed} v1: the Team Around the Child formed from the assessment
 * reviewed it at a plan review ({@code reviewId}, held {@code heldOn}): it still stands, or it was
 * revised since the previous review ({@code revised}); {@code version} is the version that stands.
 */
public record EarlyHelpAssessmentReviewed(UUID assessmentId, UUID childId, UUID teamId, UUID reviewId, LocalDate heldOn,
                                          boolean revised, int version, String reviewedBy, Instant reviewedAt)
        implements EarlyHelpAssessmentEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return reviewedAt;
    }
}
