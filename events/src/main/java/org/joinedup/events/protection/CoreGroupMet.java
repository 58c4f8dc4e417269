package org.joinedup.events.protection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code core-group-met} v1: the plan's core group met (the first meeting within 10 working days of the conference). */
public record CoreGroupMet(UUID episodeId, UUID childId, String localAuthority, Instant heldAt, List<String> agencies,
                           String recordedBy, Instant recordedAt) implements ChildProtectionEvent {
    public CoreGroupMet {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
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
