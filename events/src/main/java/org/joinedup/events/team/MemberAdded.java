package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code member-added} v1: someone joined a Team Around the Child. */
public record MemberAdded(UUID teamId, UUID childId, TeamMember member, String addedBy, Instant addedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return addedAt;
    }
}
