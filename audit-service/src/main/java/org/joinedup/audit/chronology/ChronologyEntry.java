package org.joinedup.audit.chronology;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a child's joined-up chronology.
 *
 * @param occurredAt when it happened
 * @param recordedAt when the producing service recorded it
 * @param ledgerRecordedAt when the audit ledger recorded it
 * @param data the event's facts as published, as the ledger holds them (written into the answer as JSON
 *             without being parsed and written again)
 * @param entryHash the entry's hash in the ledger's chain
 * @param childHash the entry's hash in the child's chain
 * @param childRecord the child record the entry is filed under (another than the one asked for when linked)
 */
public record ChronologyEntry(
        long sequence,
        UUID eventId,
        String type,
        Instant occurredAt,
        Instant recordedAt,
        Instant ledgerRecordedAt,
        String agencyId,
        String actorId,
        String source,
        @JsonRawValue String data,
        String entryHash,
        String childHash,
        UUID childRecord) {
}
