package org.joinedup.events.frontdoor;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code triage-decision-overdue} v1: a triage item was not decided within one working day of its first
 * contact; recorded once, and escalated to the front door's leads.
 */
public record TriageDecisionOverdue(UUID triageId, UUID childId, String frontDoor, Instant dueBy, Instant detectedAt)
        implements TriageEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
