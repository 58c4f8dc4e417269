package org.joinedup.referral.frontdoor.domain;

import org.joinedup.events.frontdoor.TriageOutcome;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of an item of a front door's triage queue ({@code triage-<triageId>}). */
public sealed interface TriageCommand {

    /**
     * A contact about the child reached the front door: a concern an agency recorded, or a referral made to
     * the front door. The first contact opens the item; later ones join it until it is decided.
     */
    record ReceiveContact(UUID triageId, UUID childId, String frontDoor, String source, UUID sourceId, String fromAgency,
                          String riskLevel, Instant at) implements TriageCommand {
    }

    /** The front door (a practitioner or lead of {@code agency}) decides what response the contacts need. */
    record Decide(UUID triageId, String agency, String actor, TriageOutcome outcome, String reason, Instant at)
            implements TriageCommand {
    }

    /** Time has passed (the sweep): an item not decided by its deadline is recorded overdue, once. */
    record RecordOverdue(Instant at) implements TriageCommand {
    }
}
