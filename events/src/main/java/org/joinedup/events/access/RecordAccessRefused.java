package org.joinedup.events.access;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code record-access-refused} v1: someone asked to read a child's data and the need-to-know policy
 * refused (the caller got 404, exactly as for a child that does not exist). Recorded like a read, so
 * an inspector sees the attempts as well as the reads.
 *
 * @param what      what was asked for (the same vocabulary as {@link RecordAccessed#what()})
 * @param reference the request (method and path, no query values)
 * @param rule      why it was refused, e.g. {@code no-relationship} (docs/access.md)
 */
public record RecordAccessRefused(UUID accessId, UUID childId, String actorId, String agencyId, String what,
                                  String reference, String rule, Instant refusedAt) implements AccessEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return refusedAt;
    }
}
