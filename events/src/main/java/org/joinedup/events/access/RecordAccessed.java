package org.joinedup.events.access;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code record-accessed} v1: someone read a child's data. Every read leaves one, so an inspector
 * can ask who looked at a child's record, when, what, why and on what basis.
 *
 * @param actorId   who (the token subject)
 * @param agencyId  for which agency
 * @param what      what was read, e.g. {@code concern}, {@code agency-view}, {@code share},
 *                  {@code flags}, {@code child-record}, {@code match-candidate}, {@code chronology}
 *                  (the whole vocabulary is in docs/events.md)
 * @param reference the request that read it (method and path, no query values)
 * @param purpose   why, as the caller stated it in the {@code Access-Purpose} header; null when not stated
 * @param basis     an {@link AccessBasis} wire name: what let the reader see it (added within v1; null
 *                  on reads recorded before the need-to-know policy)
 */
public record RecordAccessed(UUID accessId, UUID childId, String actorId, String agencyId, String what,
                             String reference, String purpose, Instant accessedAt, String basis) implements AccessEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return accessedAt;
    }
}
