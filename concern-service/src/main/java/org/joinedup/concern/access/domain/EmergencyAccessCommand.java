package org.joinedup.concern.access.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What may be asked of a break-glass grant's stream ({@code emergency-access-<grantId>}). */
public sealed interface EmergencyAccessCommand {

    /**
     * A safeguarding lead opens a child's whole picture without a relationship, with a written
     * justification, until {@code expiresAt}; {@code told} are the agencies holding records about the child.
     */
    record Grant(UUID grantId, UUID childId, String agencyId, String actor, String justification, Instant expiresAt,
                 List<String> told, Instant at) implements EmergencyAccessCommand {
        public Grant {
            told = List.copyOf(told);
        }
    }

    /** An agency that was told acknowledges the notice. */
    record Acknowledge(UUID grantId, String agencyId, String actor, Instant at) implements EmergencyAccessCommand {
    }
}
