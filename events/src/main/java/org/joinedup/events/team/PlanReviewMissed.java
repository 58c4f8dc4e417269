package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code plan-review-missed} v1: the review due by {@code dueBy} was not held; emitted once per due date. */
public record PlanReviewMissed(UUID teamId, UUID childId, LocalDate dueBy, Instant detectedAt) implements TeamEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
