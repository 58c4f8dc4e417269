package org.joinedup.events.team;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code team-assessment-linked} v1: the Team Around the Child works from this early help assessment
 * (completed with the outcome {@code team-around-the-child}): at its forming, or later for a team that
 * began without one. A later link replaces an earlier one.
 */
public record AssessmentLinked(UUID teamId, UUID childId, UUID assessmentId, String linkedBy, Instant linkedAt)
        implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return linkedAt;
    }
}
