package org.joinedup.concern.sharing.domain;

import org.joinedup.events.concern.Consent;
import org.joinedup.platform.decide.Refusal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What may be asked of a share's stream ({@code share-<shareId>}). */
public sealed interface ShareCommand {

    /**
     * One agency passes its concerns and/or a note about a child to another, for a purpose, on a lawful
     * basis. {@code coverage} is what the agreements in force say about it (the sharing policy's answer).
     */
    record Share(UUID shareId, UUID childId, String fromAgency, String toAgency, List<UUID> concernIds, String note,
                 String purpose, String lawfulBasis, Consent consent, Coverage coverage, String overrideJustification,
                 Sharer sharer, Instant at) implements ShareCommand {
        public Share {
            concernIds = List.copyOf(concernIds);
        }
    }

    /** The recipient agency acknowledges what it was sent. */
    record Acknowledge(UUID shareId, String agencyId, String actor, Instant at) implements ShareCommand {
    }

    /**
     * What the data-sharing agreements in force say about a share: the agreement that covers it, or the
     * gaps (each category and purpose no active agreement allows, against the field that carries it).
     */
    record Coverage(UUID agreementId, List<Refusal.Violation> gaps) {
        public Coverage {
            gaps = List.copyOf(gaps);
        }

        public boolean covered() {
            return gaps.isEmpty();
        }
    }

    /** Who shares: the token's subject, and whether they hold the safeguarding-lead role. */
    record Sharer(String actor, boolean safeguardingLead) {
    }
}
