package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code referral-made} v1: a practitioner of one agency asked another (children's social care, a MASH) to act on concerns about a child. {@code consent} says whether the family agreed; a referral proceeds without consent where the child is at risk, with the reason recorded. {@code decisionDueBy} is when the receiving agency's decision falls due (statutory: one working day). */
public record ReferralMade(UUID referralId, UUID childId, String fromAgency, String toAgency, String referredBy, List<UUID> concernIds, String reason, String urgency, String familyInformed, org.joinedup.events.concern.Consent consent, Instant madeAt, Instant decisionDueBy) implements ReferralEvent {
    public ReferralMade {
        concernIds = concernIds == null ? List.of() : List.copyOf(concernIds);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return madeAt;
    }
}
