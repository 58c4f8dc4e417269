package org.joinedup.concern.child.domain;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a link's stream ({@code child-link-<linkId>}). */
public sealed interface ChildLinkCommand {

    /**
     * A lead links two child records as one child. {@code alreadyOneChild}: whether the two records are
     * already in one group (linked directly, or through other links).
     */
    record Link(UUID linkId, UUID childId, UUID linkedChildId, UUID candidateId, String reason, String actor,
                boolean alreadyOneChild, Instant at) implements ChildLinkCommand {
    }

    /** A lead undoes a link in force. */
    record Unlink(UUID linkId, String reason, String actor, Instant at) implements ChildLinkCommand {
    }
}
