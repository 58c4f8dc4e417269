package org.joinedup.events.protection;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-protection-clock-overdue} v1: a statutory clock of the episode ran out with nothing
 * recorded: {@code clock} is {@code initial-conference} (15 working days from the strategy discussion),
 * {@code core-group} (10 working days from the conference) or {@code review-conference} (three months after
 * the initial conference, then at most six after each review). Recorded once per clock and deadline.
 */
public record ChildProtectionClockOverdue(UUID episodeId, UUID childId, String localAuthority, String clock, Instant dueBy,
                                          Instant detectedAt) implements ChildProtectionEvent {
    public static final String INITIAL_CONFERENCE = "initial-conference";
    public static final String CORE_GROUP = "core-group";
    public static final String REVIEW_CONFERENCE = "review-conference";

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
