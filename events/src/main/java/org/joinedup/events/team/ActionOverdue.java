package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code action-overdue} v1: an open action's due date passed; emitted once per action. */
public record ActionOverdue(UUID teamId, UUID childId, UUID actionId, UUID ownerMemberId, LocalDate dueOn, Instant detectedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
