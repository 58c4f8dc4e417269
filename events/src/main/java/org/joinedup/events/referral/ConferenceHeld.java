package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code child-protection-conference-held} v1: the initial child protection conference was held (stops the 15-working-day clock). */
public record ConferenceHeld(UUID referralId, UUID childId, String toAgency, String recordedBy, String note, Instant heldAt) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return heldAt;
    }
}
