package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code bigger-picture-flag-cleared} v1: a safeguarding lead closed a flag with a reason (for
 * example: a strategy discussion was held; the concerns were about another child). A cleared flag is
 * no longer shown to agencies; it stays in the history.
 */
public record BiggerPictureFlagCleared(UUID flagId, UUID childId, String reason, String clearedBy,
                                       Instant clearedAt) implements FlagEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return clearedAt;
    }
}
