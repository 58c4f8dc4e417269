package org.joinedup.events.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code early-help-consent-recorded} v1: the family's answer to the early help a referral's receiving
 * agency offered ({@code consent}: {@code given} or {@code refused}). Early help is voluntary: a team forms
 * only when the family consents, and {@code teamId} is then the Team Around the Child it formed or joined.
 */
public record EarlyHelpConsentRecorded(UUID referralId, UUID childId, String toAgency, String consent, String note, UUID teamId,
                                       String recordedBy, Instant recordedAt) implements ReferralEvent {
    public static final String GIVEN = "given";
    public static final String REFUSED = "refused";

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
