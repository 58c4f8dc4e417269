package org.joinedup.platform.store;

import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventPayload;

import java.time.Instant;

/** One row of the event store, with its CloudEvents envelope. */
public record StoredEvent(
        long globalPosition,
        String streamId,
        int streamVersion,
        EventEnvelope envelope,
        EventPayload payload,
        Instant recordedAt) {
}
