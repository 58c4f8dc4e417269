package org.joinedup.events.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code review-conference-held} v1: a review child protection conference decided to continue the plan
 * (its categories as they now are; the next review within six months, {@code nextReviewDueBy}) or to end it
 * ({@code decision: end-plan}, followed by {@code child-protection-plan-ended}).
 */
public record ReviewConferenceHeld(UUID episodeId, UUID childId, String localAuthority, Instant heldAt, String decision,
                                   List<String> categories, LocalDate nextReviewDueBy, String recordedBy, Instant recordedAt)
        implements ChildProtectionEvent {
    public ReviewConferenceHeld {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return heldAt;
    }
}
