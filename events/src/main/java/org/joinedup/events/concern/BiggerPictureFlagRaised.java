package org.joinedup.events.concern;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code bigger-picture-flag-raised} v1: a rule found that the pieces held about a child, together,
 * show more than any one of them: for safeguarding leads to act on.
 *
 * @param rule       the rule that fired, e.g. {@code several-agencies}
 * @param concernIds the concerns behind it
 * @param shareIds   the shared notes behind it (added within v1; empty when none)
 * @param agencies   the agencies that hold them
 * @param summary    what the rule found, without personal data
 */
public record BiggerPictureFlagRaised(UUID flagId, UUID childId, String rule, List<UUID> concernIds,
                                      List<UUID> shareIds, List<String> agencies, String summary,
                                      Instant raisedAt) implements FlagEvent {
    public BiggerPictureFlagRaised {
        concernIds = concernIds == null ? List.of() : List.copyOf(concernIds);
        shareIds = shareIds == null ? List.of() : List.copyOf(shareIds);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return raisedAt;
    }
}
