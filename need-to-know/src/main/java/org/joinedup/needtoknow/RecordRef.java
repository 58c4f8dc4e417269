package org.joinedup.needtoknow;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A record about a child as the policy weighs it.
 *
 * @param recordId the record's id (a concern, share, referral, team, flag...), or null when unknown
 * @param owner    the agency that recorded it (null when none did: an event from no agency)
 * @param parties  other agencies it was about between (a share's or referral's two sides, a flag's
 *                 agencies); may be empty
 */
public record RecordRef(RecordKind kind, UUID recordId, String owner, Collection<String> parties) {
    public RecordRef {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    public static RecordRef of(RecordKind kind, UUID recordId, String owner) {
        return new RecordRef(kind, recordId, owner, List.of());
    }
}
