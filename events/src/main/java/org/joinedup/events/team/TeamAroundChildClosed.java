package org.joinedup.events.team;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code team-around-child-closed} v1: the Team Around the Child stopped working with the family
 * ({@code reason}: {@code needs-met}, {@code stepped-up} to children's social care, {@code consent-withdrawn},
 * {@code moved-away} or {@code other}, with a note). A child may have another episode of early help later,
 * with a new team.
 */
public record TeamAroundChildClosed(UUID teamId, UUID childId, String reason, String note, String closedBy, String closedByAgency,
                                    Instant closedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return closedAt;
    }
}
