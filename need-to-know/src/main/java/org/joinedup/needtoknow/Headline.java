package org.joinedup.needtoknow;

import java.time.Instant;
import java.util.UUID;

/**
 * What a reader with a relationship learns of another agency's record it may not read: that it exists,
 * which agency holds it, what kind of record it is, its category, its date, and whom to call. Never a
 * description, the child's words, a practitioner or the child's identity.
 *
 * @param type     the event type in a chronology ({@code concern-raised}), or null
 * @param category a concern's category, a flag's rule, a referral's urgency; null when the record has none
 */
public record Headline(String kind, UUID recordId, String type, String agencyId, String category, Instant occurredAt,
                       WhomToCall whomToCall) {
}
