package org.joinedup.audit.chain;

import org.joinedup.events.EventType;
import org.joinedup.platform.consume.ReceivedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends one event to a ledger on the given connection (in its transaction): the append lock, the
 * chains' heads, the two hashes, the row. The live consumer and a rebuild use this one path, so a
 * rebuilt ledger is built exactly as the original was.
 */
public final class LedgerAppender {
    private LedgerAppender() {
    }

    /** The new entry's place and hash, and the kind of stream gap it showed (null when none). */
    public record Appended(long seq, String entryHash, String gap) {
    }

    public static Appended append(Connection c, ReceivedEvent event, Instant ledgerRecordedAt) throws SQLException {
        var e = event.envelope();
        boolean aboutAChild = EventType.byTypeName(e.type()).map(EventType::aboutAChild).orElse(false);
        UUID child = aboutAChild ? uuidOrNull(e.subject()) : null;
        LedgerFacts facts = LedgerFacts.of(e, event.data());
        byte[] canonical = facts.canonicalBytes();
        LedgerHeads.lock(c);
        String entryHash = HashChain.next(LedgerHeads.head(c), canonical);
        String childHash = child == null ? null : HashChain.next(LedgerHeads.childHead(c, child), canonical);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into ledger_entry (event_id, event_type, schema_version, source, subject, child_id,
                    agency_id, actor_id, correlation_id, causation_id, occurred_at, source_recorded_at,
                    recorded_at, topic, kafka_partition, kafka_offset, payload, entry_hash, child_hash, understood)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning seq""")) {
            ps.setObject(1, e.id());
            ps.setString(2, e.type());
            ps.setInt(3, e.schemaVersion());
            ps.setString(4, e.source());
            ps.setString(5, e.subject());
            ps.setObject(6, child);
            ps.setString(7, e.agencyId());
            ps.setString(8, e.actorId());
            ps.setObject(9, e.correlationId());
            ps.setObject(10, e.causationId());
            ps.setTimestamp(11, Timestamp.from(facts.time()));
            ps.setTimestamp(12, facts.recordedAt() == null ? null : Timestamp.from(facts.recordedAt()));
            ps.setTimestamp(13, Timestamp.from(ledgerRecordedAt.truncatedTo(ChronoUnit.MICROS)));
            ps.setString(14, event.topic());
            ps.setInt(15, event.partition());
            ps.setLong(16, event.offset());
            ps.setString(17, event.data());
            ps.setString(18, entryHash);
            ps.setString(19, childHash);
            ps.setBoolean(20, event.understood());
            long seq;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            return new Appended(seq, entryHash, StreamGaps.check(c, event, seq, child, ledgerRecordedAt));
        }
    }

    private static UUID uuidOrNull(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
