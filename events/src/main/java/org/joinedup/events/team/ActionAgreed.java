package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code action-agreed} v1: an action of the plan, with exactly one owner (a member) and a due date. */
public record ActionAgreed(UUID teamId, UUID childId, UUID actionId, String description, UUID ownerMemberId, LocalDate dueOn, String agreedBy, Instant agreedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return agreedAt;
    }
}
