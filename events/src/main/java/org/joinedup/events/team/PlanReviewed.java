package org.joinedup.events.team;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code plan-reviewed} v1: the team reviewed the plan: when, who attended (member ids), what was decided, and when the next review is due. */
public record PlanReviewed(UUID teamId, UUID childId, UUID reviewId, LocalDate heldOn, List<UUID> attendees, List<String> decisions, LocalDate nextReviewBy, String recordedBy, Instant recordedAt) implements EventPayload {
    public PlanReviewed {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
