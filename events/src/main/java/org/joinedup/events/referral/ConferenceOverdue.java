package org.joinedup.events.referral;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code conference-overdue} v1: no initial child protection conference by {@code dueBy}; emitted once per referral. */
public record ConferenceOverdue(UUID referralId, UUID childId, String toAgency, Instant dueBy, Instant detectedAt) implements EventPayload {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
