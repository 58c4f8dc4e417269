package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code lead-professional-assigned} v1: a member became the lead professional, the single point of contact; {@code previousMemberId} is set on a reassignment. */
public record LeadProfessionalAssigned(UUID teamId, UUID childId, UUID memberId, UUID previousMemberId, String reason, String assignedBy, Instant assignedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
