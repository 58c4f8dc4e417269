package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code action-cancelled} v1: an action was cancelled, for the reason given. */
public record ActionCancelled(UUID teamId, UUID childId, UUID actionId, String reason, String cancelledBy, Instant cancelledAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
