package org.joinedup.concern.concern.domain;

import org.joinedup.events.concern.ConcernChanges;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a concern's stream ({@code concern-<concernId>}). Each carries the instant it is decided at. */
public sealed interface ConcernCommand {

    UUID concernId();

    /** A practitioner raises the concern about the child record it was resolved to. */
    record Raise(RaiseConcern concern, UUID childId, Instant at) implements ConcernCommand {
        @Override
        public UUID concernId() {
            return concern.concernId();
        }
    }

    /** The raising agency corrects the concern, for a reason; fields left null are unchanged. */
    record Amend(UUID concernId, String agencyId, String actor, String reason, ConcernChanges changes, Instant at)
            implements ConcernCommand {
    }

    /** The raising agency withdraws the concern, for a reason; it stays in history. */
    record Withdraw(UUID concernId, String agencyId, String actor, String reason, Instant at) implements ConcernCommand {
    }
}
