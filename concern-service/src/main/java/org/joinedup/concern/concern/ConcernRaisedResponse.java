package org.joinedup.concern.concern;

import java.time.Instant;
import java.util.UUID;

/** The answer to a raised concern: where it lives and which child it was filed under. */
public record ConcernRaisedResponse(UUID concernId, UUID childId, UUID eventId, Instant recordedAt, int version) {
}
