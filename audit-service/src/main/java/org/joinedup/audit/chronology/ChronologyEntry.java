package org.joinedup.audit.chronology;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.joinedup.needtoknow.Headline;
import org.joinedup.needtoknow.Sight;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a child's joined-up chronology.
 *
 * @param occurredAt when it happened
 * @param recordedAt when the producing service recorded it
 * @param ledgerRecordedAt when the audit ledger recorded it
 * @param data the event's facts as published, as the ledger holds them (written into the answer as JSON
 *             without being parsed and written again); null in a headline
 * @param entryHash the entry's hash in the ledger's chain (null in a headline)
 * @param childHash the entry's hash in the child's chain (null in a headline)
 * @param childRecord the child record the entry is filed under (another than the one asked for when linked)
 * @param visibility {@code full}, or {@code headline}: another agency's record the reader may not read,
 *                   shown as which agency, what kind of record, the category, the date and whom to call
 * @param headline that headline (headline entries only)
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
        UUID childRecord,
        String visibility,
        @JsonInclude(JsonInclude.Include.NON_NULL) Headline headline) {

    /** An entry read in full from the ledger. */
    public ChronologyEntry(long sequence, UUID eventId, String type, Instant occurredAt, Instant recordedAt,
                           Instant ledgerRecordedAt, String agencyId, String actorId, String source, String data,
                           String entryHash, String childHash, UUID childRecord) {
        this(sequence, eventId, type, occurredAt, recordedAt, ledgerRecordedAt, agencyId, actorId, source, data,
                entryHash, childHash, childRecord, Sight.FULL.wireName(), null);
    }

    /**
     * The same entry with some of its facts withheld: the hashes go too, since the facts shown no longer
     * hash to them (an inspector, who verifies them, always sees the facts whole).
     */
    public ChronologyEntry withFacts(String facts) {
        return new ChronologyEntry(sequence, eventId, type, occurredAt, recordedAt, ledgerRecordedAt, agencyId, actorId,
                source, facts, null, null, childRecord, visibility, headline);
    }

    /** The same entry as a headline: when, which agency, what kind, whom to call; no facts, no actor, no hashes. */
    public ChronologyEntry headlined(Headline headline) {
        return new ChronologyEntry(sequence, eventId, type, occurredAt, recordedAt, ledgerRecordedAt, agencyId, null,
                source, null, null, null, childRecord, Sight.HEADLINE.wireName(), headline);
    }
}
