package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code team-around-child-formed} v1: a Team Around the Child was formed for a child, by a safeguarding lead or by an early-help decision on a referral ({@code referralId}). Members include parents and carers as equal members; plan reviews are due every {@code reviewEveryWeeks} weeks. */
public record TeamAroundChildFormed(UUID teamId, UUID childId, UUID referralId, List<TeamMember> members, int reviewEveryWeeks, LocalDate firstReviewBy, String formedBy, String formedByAgency, Instant formedAt) implements TeamEvent {
    public TeamAroundChildFormed {
        members = members == null ? List.of() : List.copyOf(members);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return formedAt;
    }
}
