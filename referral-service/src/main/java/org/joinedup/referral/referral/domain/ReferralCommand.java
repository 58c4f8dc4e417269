package org.joinedup.referral.referral.domain;

import org.joinedup.events.care.CareVocabulary;
import org.joinedup.events.referral.ReferralOutcome;

import java.time.Instant;
import java.util.UUID;

/**
 * What may be asked of a referral's stream ({@code referral-<referralId>}). Every command but the first
 * is the receiving agency's ({@code agency}, acting as {@code actor}); each carries the instant it is
 * decided at, when the clocks are read.
 */
public sealed interface ReferralCommand {

    record Make(MakeReferral referral, Instant at) implements ReferralCommand {
    }

    /** A repeat records nothing. */
    record Acknowledge(UUID referralId, String agency, String actor, Instant at) implements ReferralCommand {
    }

    /**
     * {@code statutoryDuty}: whether the receiving agency is children's social care, the one agency that may
     * decide an assessment of a child in need, a section 47 enquiry or immediate protection. An early-help
     * decision offers early help; nothing starts until the family consents ({@link RecordConsent}).
     */
    record Decide(UUID referralId, String agency, String actor, ReferralOutcome outcome, String reason,
                  boolean statutoryDuty, Instant at) implements ReferralCommand {
    }

    /**
     * The family's answer to the early help offered: {@code given} (then {@code teamId} is the Team Around the
     * Child it forms or joins) or {@code refused}.
     */
    record RecordConsent(UUID referralId, String agency, String actor, CareVocabulary.Consent consent, String note,
                         UUID teamId, Instant at) implements ReferralCommand {
    }

    record Close(UUID referralId, String agency, String actor, String reason, Instant at) implements ReferralCommand {
    }

    record CompleteAssessment(UUID referralId, String agency, String actor, String summary, Instant at)
            implements ReferralCommand {
    }

    /** {@code heldAt}: when the discussion took place (not in the future, not before the referral). */
    record HoldStrategyDiscussion(UUID referralId, String agency, String actor, String note, Instant heldAt, Instant at)
            implements ReferralCommand {
    }

    /** {@code heldAt}: when the initial child protection conference took place. */
    record HoldConference(UUID referralId, String agency, String actor, String note, Instant heldAt, Instant at)
            implements ReferralCommand {
    }

    /** Time has passed (the sweep): record each clock that has run out, once. */
    record RecordOverdue(Instant at) implements ReferralCommand {
    }
}
