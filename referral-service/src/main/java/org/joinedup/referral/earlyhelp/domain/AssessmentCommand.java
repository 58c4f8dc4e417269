package org.joinedup.referral.earlyhelp.domain;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What may be asked of an early help assessment's stream ({@code early-help-assessment-<assessmentId>}). */
public sealed interface AssessmentCommand {

    /**
     * Starts an assessment of a child with the family's consent decision; {@code steppedDownFrom} names the closed
     * referral it follows, if any; {@code content}, when given, is the first version.
     */
    record Start(UUID assessmentId, UUID childId, Consent consent, UUID steppedDownFrom, AssessmentContent content,
                 AssessmentActor actor, Instant at) implements AssessmentCommand {
    }

    /** A new version, whole; the same content as the latest records nothing. */
    record Record(AssessmentContent content, AssessmentActor actor, Instant at) implements AssessmentCommand {
    }

    /** Concludes the assessment; a step up names the referral made to children's social care. */
    record Complete(EarlyHelpOutcome outcome, String reason, UUID referralId, AssessmentActor actor, Instant at)
            implements AssessmentCommand {
    }

    /** The team working from the assessment reviewed it at a plan review: it still stands, or was revised. */
    record Review(UUID teamId, UUID reviewId, LocalDate heldOn, boolean revised, AssessmentActor actor, Instant at)
            implements AssessmentCommand {
    }
}
