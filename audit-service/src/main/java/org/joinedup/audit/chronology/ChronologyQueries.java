package org.joinedup.audit.chronology;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a child's chronology from the ledger: ordered by when things happened, then ledger order.
 * Reads of the record (record-accessed) are in the ledger but not in the chronology: they are the
 * access log, and would otherwise grow the chronology each time it is read.
 */
@ApplicationScoped
public class ChronologyQueries {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public ChronologyQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Chronology of(UUID childId, int offset, int limit) {
        return of(childId, null, offset, limit);
    }

    /**
     * The chronology as it stood at {@code asOf}: only what the producing services had recorded by then
     * (their recordedAt, or when it happened for an event without one). Null means now.
     */
    public Chronology of(UUID childId, java.time.Instant asOf, int offset, int limit) {
        String where = "where child_id = ? and event_type <> 'record-accessed'"
                + " and (?::timestamptz is null or coalesce(source_recorded_at, occurred_at) <= ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from ledger_entry " + where);
             PreparedStatement page = c.prepareStatement("select seq, event_id, event_type, occurred_at, "
                     + "source_recorded_at, recorded_at, agency_id, actor_id, source, payload::text, entry_hash, "
                     + "child_hash from ledger_entry " + where + " order by occurred_at, seq offset ? limit ?")) {
            Timestamp at = asOf == null ? null : Timestamp.from(asOf);
            count.setObject(1, childId);
            count.setTimestamp(2, at);
            count.setTimestamp(3, at);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            page.setObject(1, childId);
            page.setTimestamp(2, at);
            page.setTimestamp(3, at);
            page.setInt(4, offset);
            page.setInt(5, limit);
            List<ChronologyEntry> entries = new ArrayList<>();
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    entries.add(new ChronologyEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), rs.getTimestamp(6).toInstant(),
                            rs.getString(7), rs.getString(8), rs.getString(9), JSON.readTree(rs.getString(10)),
                            rs.getString(11), rs.getString(12)));
                }
            }
            return new Chronology(childId, total, offset, limit, entries);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read the chronology", e);
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
