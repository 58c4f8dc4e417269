package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-match-dismissed} v1: a safeguarding lead reviewed a candidate pair from the matching
 * queue and decided the two records are different children. The pair is not proposed again.
 */
public record ChildMatchDismissed(UUID candidateId, UUID childId, UUID otherChildId, String reason,
                                  String dismissedBy, Instant dismissedAt) implements EventPayload {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return dismissedAt;
    }
}
