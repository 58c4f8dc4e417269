package org.joinedup.events.frontdoor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code triage-decided} v1: the front door decided what response the contacts of one item need
 * ({@link TriageOutcome}), with the reason, which contacts the decision covers, and the agencies that
 * raised them (who are told the outcome: follow-through).
 *
 * @param contacts the concerns' and referrals' ids the decision covers
 * @param raisedBy the agencies those contacts came from
 */
public record TriageDecided(UUID triageId, UUID childId, String frontDoor, String outcome, String reason,
                            List<UUID> contacts, List<String> raisedBy, String decidedBy, Instant decidedAt)
        implements TriageEvent {
    public TriageDecided {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        raisedBy = raisedBy == null ? List.of() : List.copyOf(raisedBy);
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
