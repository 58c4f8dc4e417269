package org.joinedup.referral.referral.domain;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.ReferralUrgency;

import java.util.List;
import java.util.UUID;

/** A checked request to make a referral; the referring agency and practitioner come from the token. */
public record MakeReferral(UUID referralId, UUID childId, String fromAgency, String referredBy, String toAgency,
                           List<UUID> concernIds, String reason, ReferralUrgency urgency, String familyInformed,
                           Consent consent) {
}
