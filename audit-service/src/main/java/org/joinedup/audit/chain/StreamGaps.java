package org.joinedup.audit.chain;

import org.jboss.logging.Logger;
import org.joinedup.platform.consume.ReceivedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Follows each producer's streams as the ledger receives them: a stream's versions must arrive as
 * 1, 2, 3, ... A version that skips ahead means an event is missing; one that comes back means an
 * event arrived out of order. Either is recorded in {@code ledger_gap} (and logged, and counted),
 * never silently; the chronology of the child concerned shows it. Events without stream headers
 * (from producers that do not say) are not followed.
 */
public final class StreamGaps {
    private static final Logger LOG = Logger.getLogger(StreamGaps.class);

    private StreamGaps() {
    }

    /** What was found for one event: nothing (null), or the kind of gap. */
    public static String check(Connection c, ReceivedEvent event, long seq, UUID child, Instant now) throws SQLException {
        if (event.streamId() == null || event.streamVersion() == null) {
            return null;
        }
        String source = event.envelope().source();
        long version = event.streamVersion();
        Long last = null;
        try (PreparedStatement ps = c.prepareStatement(
                "select last_version from ledger_stream_position where source = ? and stream_id = ? for update")) {
            ps.setString(1, source);
            ps.setString(2, event.streamId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    last = rs.getLong(1);
                }
            }
        }
        long expected = last == null ? 1 : last + 1;
        String kind = version == expected ? null : version > expected ? "missing" : "out-of-order";
        if (version > (last == null ? 0 : last)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_stream_position (source, stream_id, last_version) values (?, ?, ?)
                    on conflict (source, stream_id) do update set last_version = excluded.last_version""")) {
                ps.setString(1, source);
                ps.setString(2, event.streamId());
                ps.setLong(3, version);
                ps.executeUpdate();
            }
        }
        if (kind != null) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_gap (seq, event_id, child_id, source, stream_id, expected_version, received_version,
                                            kind, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, seq);
                ps.setObject(2, event.envelope().id());
                ps.setObject(3, child);
                ps.setString(4, source);
                ps.setString(5, event.streamId());
                ps.setLong(6, expected);
                ps.setLong(7, version);
                ps.setString(8, kind);
                ps.setTimestamp(9, Timestamp.from(now));
                ps.executeUpdate();
            }
            LOG.warnf("ledger: stream %s of %s: expected version %d, received %d (%s) with event %s", event.streamId(),
                    source, expected, version, kind, event.envelope().id());
        }
        return kind;
    }
}
