package org.joinedup.events.team;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code plan-reviewed} v1: the team reviewed the plan: when, who attended (member ids), what was
 * decided, when the next review is due, and how the team rated each SHANARRI wellbeing indicator the
 * plan addresses ({@code wellbeing}, added within v1: empty in reviews recorded before it existed).
 */
public record PlanReviewed(UUID teamId, UUID childId, UUID reviewId, LocalDate heldOn, List<UUID> attendees, List<String> decisions,
                           LocalDate nextReviewBy, String recordedBy, Instant recordedAt, List<WellbeingRating> wellbeing)
        implements TeamEvent {
    public PlanReviewed {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        wellbeing = wellbeing == null ? List.of() : List.copyOf(wellbeing);
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
