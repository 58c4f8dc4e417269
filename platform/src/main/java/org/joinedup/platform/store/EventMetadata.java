package org.joinedup.platform.store;

import java.util.UUID;

/**
 * Who caused an event and in what chain of causes.
 *
 * @param actorId       the token subject (a practitioner, or an agency system's service account)
 * @param agencyId      the agency acted for (from the token's {@code agency_id} claim)
 * @param correlationId ties together everything one request caused
 * @param causationId   the event that caused this one, if any
 */
public record EventMetadata(String actorId, String agencyId, UUID correlationId, UUID causationId) {
}
