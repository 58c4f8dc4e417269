package org.joinedup.audit.chain;

import org.joinedup.events.EventType;
import org.joinedup.platform.consume.ReceivedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to a ledger on the given connection (in its transaction): the append lock, the
 * chains' heads, the two hashes, the rows. The live consumer and a rebuild use this one path, so a
 * rebuilt ledger is built exactly as the original was.
 *
 * <p>A run of events is appended with one lock, one read of the ledger's head and one of the heads of
 * the children concerned; the hashes are chained in memory in the run's order, and the rows go in as
 * one batch with their sequence numbers taken beforehand, so the order of the rows is the order the
 * hashes were chained in. The advisory lock makes this the only writer until the transaction ends,
 * so the heads read at the start stay the heads.
 */
public final class LedgerAppender {
    private static final String INSERT = """
            insert into ledger_entry (seq, event_id, event_type, schema_version, source, subject, child_id,
                agency_id, actor_id, correlation_id, causation_id, occurred_at, source_recorded_at,
                recorded_at, topic, kafka_partition, kafka_offset, payload, entry_hash, child_hash, understood)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""";

    private LedgerAppender() {
    }

    /** The new entry's place and hash, and the kind of stream gap it showed (null when none). */
    public record Appended(long seq, String entryHash, String gap) {
    }

    public static Appended append(Connection c, ReceivedEvent event, Instant ledgerRecordedAt) throws SQLException {
        return appendAll(c, List.of(event), ledgerRecordedAt).get(0);
    }

    /** Appends the events in the order given; the answer is in the same order. */
    public static List<Appended> appendAll(Connection c, List<ReceivedEvent> events, Instant ledgerRecordedAt)
            throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> children = new ArrayList<>(events.size());
        List<LedgerFacts> facts = new ArrayList<>(events.size());
        List<byte[]> canonical = new ArrayList<>(events.size());
        for (ReceivedEvent event : events) {
            var e = event.envelope();
            boolean aboutAChild = EventType.byTypeName(e.type()).map(EventType::aboutAChild).orElse(false);
            children.add(aboutAChild ? uuidOrNull(e.subject()) : null);
            facts.add(LedgerFacts.of(e, event.data()));
            canonical.add(facts.get(facts.size() - 1).canonicalBytes());
        }
        LedgerHeads.lock(c);
        String head = LedgerHeads.head(c);
        Map<UUID, String> childHeads = LedgerHeads.childHeads(c, children);
        long[] seqs = LedgerHeads.nextSeqs(c, events.size());
        Timestamp recordedAt = Timestamp.from(ledgerRecordedAt.truncatedTo(ChronoUnit.MICROS));
        String[] entryHashes = new String[events.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < events.size(); i++) {
                ReceivedEvent event = events.get(i);
                UUID child = children.get(i);
                head = HashChain.next(head, canonical.get(i));
                String childHash = null;
                if (child != null) {
                    childHash = HashChain.next(childHeads.get(child), canonical.get(i));
                    childHeads.put(child, childHash);
                }
                bind(ps, seqs[i], event, facts.get(i), child, recordedAt, head, childHash);
                ps.addBatch();
                entryHashes[i] = head;
            }
            ps.executeBatch();
        }
        List<String> gaps = StreamGaps.checkAll(c, events, seqs, children, ledgerRecordedAt);
        List<Appended> appended = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            appended.add(new Appended(seqs[i], entryHashes[i], gaps.get(i)));
        }
        return appended;
    }

    private static void bind(PreparedStatement ps, long seq, ReceivedEvent event, LedgerFacts facts, UUID child,
                             Timestamp recordedAt, String entryHash, String childHash) throws SQLException {
        var e = event.envelope();
        ps.setLong(1, seq);
        ps.setObject(2, e.id());
        ps.setString(3, e.type());
        ps.setInt(4, e.schemaVersion());
        ps.setString(5, e.source());
        ps.setString(6, e.subject());
        ps.setObject(7, child);
        ps.setString(8, e.agencyId());
        ps.setString(9, e.actorId());
        ps.setObject(10, e.correlationId());
        ps.setObject(11, e.causationId());
        ps.setTimestamp(12, Timestamp.from(facts.time()));
        ps.setTimestamp(13, facts.recordedAt() == null ? null : Timestamp.from(facts.recordedAt()));
        ps.setTimestamp(14, recordedAt);
        ps.setString(15, event.topic());
        ps.setInt(16, event.partition());
        ps.setLong(17, event.offset());
        ps.setString(18, event.data());
        ps.setString(19, entryHash);
        ps.setString(20, childHash);
        ps.setBoolean(21, event.understood());
    }

    private static UUID uuidOrNull(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
