package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code member-left} v1: a member left a Team Around the Child, for the reason given. */
public record MemberLeft(UUID teamId, UUID childId, UUID memberId, String reason, String recordedBy, Instant leftAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return leftAt;
    }
}
