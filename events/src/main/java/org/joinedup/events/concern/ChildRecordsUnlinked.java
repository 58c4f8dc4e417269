package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-records-unlinked} v1: a safeguarding lead undid a link: the two records are read
 * separately again. The link and this decision both stay in the history.
 */
public record ChildRecordsUnlinked(UUID linkId, UUID childId, UUID linkedChildId, String reason, String unlinkedBy,
                                   Instant unlinkedAt) implements ChildLinkEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return unlinkedAt;
    }
}
