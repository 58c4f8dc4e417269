package org.joinedup.events.earlyhelp;

import org.joinedup.events.concern.Consent;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code early-help-assessment-started} v1: a practitioner began an early help assessment of a child,
 * with the family's consent decision ({@code given}, {@code refused}, or {@code not-sought} with the
 * reason). {@code steppedDownFrom} names the referral children's social care closed when the
 * assessment is a "step down" to early help; null otherwise.
 */
public record EarlyHelpAssessmentStarted(UUID assessmentId, UUID childId, Consent consent, UUID steppedDownFrom,
                                         String startedBy, String startedByAgency, Instant startedAt) implements EarlyHelpAssessmentEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
