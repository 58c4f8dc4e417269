package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-registered} v1: the child index met a child for the first time (on its first concern)
 * and gave it a child id. Carries the identification it was registered with: personal data.
 */
public record ChildRegistered(UUID childId, ChildIdentification identification, UUID firstConcernId,
                              Instant registeredAt) implements EventPayload {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return registeredAt;
    }
}
