package org.joinedup.events.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code initial-child-protection-conference-held} v1: who attended (agencies, the parents, the child),
 * and what it decided: a child protection plan ({@code decision: child-protection-plan}) under one or more
 * categories (neglect, physical-abuse, emotional-abuse, sexual-abuse) with a lead social worker, or none
 * ({@code no-plan}). A plan's clocks start here: the core group first meets within 10 working days
 * ({@code coreGroupDueBy}), the first review conference within three months ({@code firstReviewDueBy}).
 */
public record InitialConferenceHeld(UUID episodeId, UUID childId, String localAuthority, Instant heldAt,
                                    List<String> agencies, boolean parentsAttended, boolean childAttended, String decision,
                                    List<String> categories, String leadSocialWorker, Instant coreGroupDueBy,
                                    LocalDate firstReviewDueBy, String recordedBy, Instant recordedAt)
        implements ChildProtectionEvent {
    public InitialConferenceHeld {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
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
