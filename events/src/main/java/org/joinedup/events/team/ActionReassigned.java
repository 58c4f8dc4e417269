package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code action-reassigned} v1: an action passed to another member, for the reason given. */
public record ActionReassigned(UUID teamId, UUID childId, UUID actionId, UUID fromMemberId, UUID toMemberId, String reason, String reassignedBy, Instant reassignedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return reassignedAt;
    }
}
