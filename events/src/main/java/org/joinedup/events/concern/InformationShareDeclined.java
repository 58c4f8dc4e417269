package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code information-share-declined} v1: a recorded decision not to share, with the reasons. */
public record InformationShareDeclined(UUID declineId, UUID childId, String fromAgency, String toAgency,
                                       List<UUID> concernIds, String purpose, String reasons, String decidedBy,
                                       Instant decidedAt) implements EventPayload {
    public InformationShareDeclined {
        concernIds = concernIds == null ? List.of() : List.copyOf(concernIds);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return decidedAt;
    }
}
