package org.joinedup.needtoknow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One relationship between an agency and a child record, as the events made it.
 *
 * @param refId      what began it (the concern, share, referral, team member or grant)
 * @param recordId   the record it makes the agency's own business (the concern, share, referral, team or grant)
 * @param concernIds the concerns a share or referral carried to the agency (empty otherwise)
 * @param actorId    for emergency access, the one lead it was granted to (null otherwise)
 * @param endedAt    when it ended (a team member left), or null
 * @param expiresAt  when it runs out by itself (emergency access), or null
 */
public record Relationship(java.util.UUID childId, String agencyId, Via via, UUID refId, UUID recordId,
                           List<UUID> concernIds, String actorId, Instant beganAt, Instant endedAt, Instant expiresAt) {
    public Relationship {
        concernIds = concernIds == null ? List.of() : List.copyOf(concernIds);
    }

    /** True while it holds: not ended, and not run out at {@code now}. */
    public boolean inForce(Instant now) {
        return endedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
