package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code referral-decided} v1: the receiving agency decided what happens next ({@link ReferralOutcome} wire name) and why. {@code assessmentDueBy} is set when the outcome needs an assessment (45 working days from the referral); {@code teamId} when early help opened a Team Around the Child: only in decisions recorded before early help needed the family's consent; an early-help decision now offers it, and the team forms when the family consents ({@code early-help-consent-recorded}). */
public record ReferralDecided(UUID referralId, UUID childId, String toAgency, String decidedBy, String outcome, String reason, Instant decidedAt, Instant assessmentDueBy, UUID teamId) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return decidedAt;
    }
}
