package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code action-completed} v1: an action was done. */
public record ActionCompleted(UUID teamId, UUID childId, UUID actionId, String note, String completedBy, Instant completedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
