package org.joinedup.events.referral;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code strategy-discussion-held} v1: the strategy discussion of a section 47 enquiry was held; the initial child protection conference falls due {@code conferenceDueBy} (15 working days). */
public record StrategyDiscussionHeld(UUID referralId, UUID childId, String toAgency, String recordedBy, String note, Instant heldAt, Instant conferenceDueBy) implements ReferralEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return heldAt;
    }
}
