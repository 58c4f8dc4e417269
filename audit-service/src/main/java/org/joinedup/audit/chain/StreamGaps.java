package org.joinedup.audit.chain;

import org.jboss.logging.Logger;
import org.joinedup.platform.consume.ReceivedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Follows each producer's streams as the ledger receives them: a stream's versions must arrive as
 * 1, 2, 3, ... A version that skips ahead means an event is missing; one that comes back means an
 * event arrived out of order. Either is recorded in {@code ledger_gap} (and logged, and counted),
 * never silently; the chronology of the child concerned shows it. Events without stream headers
 * (from producers that do not say) are not followed.
 *
 * <p>A run of events is checked with one read of the positions of the streams it touches (locked
 * for update), the positions followed in memory in the run's order, and one batch each of position
 * updates and gaps.
 */
public final class StreamGaps {
    private static final Logger LOG = Logger.getLogger(StreamGaps.class);

    private StreamGaps() {
    }

    private record Stream(String source, String id) {
    }

    /**
     * What was found for each event, in the order given: nothing (null), or the kind of gap.
     *
     * @param seqs     the ledger entry of each event
     * @param children the child each event is filed under (or null)
     */
    public static List<String> checkAll(Connection c, List<ReceivedEvent> events, long[] seqs, List<UUID> children,
                                        Instant now) throws SQLException {
        List<String> kinds = new ArrayList<>(events.size());
        Map<Stream, Long> last = positions(c, events);
        Map<Stream, Long> moved = new LinkedHashMap<>();
        List<Object[]> gaps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ReceivedEvent event = events.get(i);
            if (event.streamId() == null || event.streamVersion() == null) {
                kinds.add(null);
                continue;
            }
            Stream stream = new Stream(event.envelope().source(), event.streamId());
            long version = event.streamVersion();
            Long previous = last.get(stream);
            long expected = previous == null ? 1 : previous + 1;
            String kind = version == expected ? null : version > expected ? "missing" : "out-of-order";
            if (version > (previous == null ? 0 : previous)) {
                last.put(stream, version);
                moved.put(stream, version);
            }
            if (kind != null) {
                gaps.add(new Object[] {seqs[i], event.envelope().id(), children.get(i), stream.source(), stream.id(),
                        expected, version, kind});
                LOG.warnf("ledger: stream %s of %s: expected version %d, received %d (%s) with event %s", stream.id(),
                        stream.source(), expected, version, kind, event.envelope().id());
            }
            kinds.add(kind);
        }
        if (!moved.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_stream_position (source, stream_id, last_version) values (?, ?, ?)
                    on conflict (source, stream_id) do update set last_version = excluded.last_version""")) {
                for (Map.Entry<Stream, Long> m : moved.entrySet()) {
                    ps.setString(1, m.getKey().source());
                    ps.setString(2, m.getKey().id());
                    ps.setLong(3, m.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!gaps.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_gap (seq, event_id, child_id, source, stream_id, expected_version, received_version,
                                            kind, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Object[] gap : gaps) {
                    for (int p = 0; p < gap.length; p++) {
                        ps.setObject(p + 1, gap[p]);
                    }
                    ps.setTimestamp(9, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return kinds;
    }

    /** The last version seen of each stream the events belong to, locked until the transaction ends. */
    private static Map<Stream, Long> positions(Connection c, List<ReceivedEvent> events) throws SQLException {
        Map<Stream, Long> last = new HashMap<>();
        Set<Stream> streams = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            if (event.streamId() != null && event.streamVersion() != null) {
                streams.add(new Stream(event.envelope().source(), event.streamId()));
            }
        }
        if (streams.isEmpty()) {
            return last;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select p.source, p.stream_id, p.last_version from ledger_stream_position p
                join unnest(?::text[], ?::text[]) as s(source, stream_id)
                  on p.source = s.source and p.stream_id = s.stream_id
                for update of p""")) {
            ps.setArray(1, c.createArrayOf("text", streams.stream().map(Stream::source).toArray()));
            ps.setArray(2, c.createArrayOf("text", streams.stream().map(Stream::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(new Stream(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return last;
    }
}
