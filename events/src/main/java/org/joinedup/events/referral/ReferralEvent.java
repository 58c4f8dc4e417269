package org.joinedup.events.referral;

import org.joinedup.events.EventPayload;

/**
 * The events of one referral's stream ({@code referral-<referralId>}): made, acknowledged, decided, its statutory steps and clocks, closed. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface ReferralEvent extends EventPayload
        permits ReferralMade, ReferralAcknowledged, ReferralDecided, ReferralClosed, AssessmentCompleted, StrategyDiscussionHeld, ConferenceHeld, ReferralDecisionOverdue, AssessmentOverdue, ConferenceOverdue,
        EarlyHelpConsentRecorded {
}
