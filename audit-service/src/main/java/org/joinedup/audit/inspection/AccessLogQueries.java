package org.joinedup.audit.inspection;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The access log, from the ledger's record-accessed and record-access-refused entries: who read (or
 * was refused) which child's record, when, what, why and on what basis.
 */
@ApplicationScoped
public class AccessLogQueries {
    private final DataSource dataSource;

    public AccessLogQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One read of a child's record, or one refusal.
     *
     * @param outcome {@code read}, or {@code refused} by the need-to-know policy
     * @param basis   what let the reader see it (reads recorded since the policy)
     * @param rule    why it was refused (refusals only)
     */
    public record Access(long seq, UUID childId, String actorId, String agencyId, String what, String reference,
                         String purpose, Instant accessedAt, String source, String outcome, String basis, String rule) {
    }

    /** A page of the log, newest first. */
    public record AccessLog(long total, int offset, int limit, List<Access> accesses) {
    }

    /**
     * Reads and refusals filtered by child, user and/or agency, as they stood at {@code asOf} (null: now),
     * newest first.
     */
    public AccessLog find(UUID childId, String actorId, String agencyId, Instant asOf, int offset, int limit) {
        return find(childId, actorId, agencyId, null, asOf, offset, limit);
    }

    /**
     * As {@link #find(UUID, String, String, Instant, int, int)}, narrowed to one basis: a basis the reads were
     * recorded with (front-door, relationship, emergency-access, inspector...), or {@code refused} for refusals.
     */
    public AccessLog find(UUID childId, String actorId, String agencyId, String basis, Instant asOf, int offset, int limit) {
        String where = " where event_type in ('record-accessed', 'record-access-refused')"
                + " and (?::uuid is null or child_id = ?) and (?::text is null or actor_id = ?)"
                + " and (?::text is null or agency_id = ?) and (?::timestamptz is null or occurred_at <= ?)"
                + " and (?::text is null or (case when event_type = 'record-access-refused' then 'refused'"
                + " else payload->>'basis' end) = ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from ledger_entry" + where);
             PreparedStatement page = c.prepareStatement("select seq, child_id, actor_id, agency_id, payload->>'what', "
                     + "payload->>'reference', payload->>'purpose', occurred_at, source, event_type, payload->>'basis', "
                     + "payload->>'rule' from ledger_entry" + where + " order by occurred_at desc, seq desc offset ? limit ?")) {
            bind(count, childId, actorId, agencyId, asOf, basis);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            bind(page, childId, actorId, agencyId, asOf, basis);
            page.setInt(11, offset);
            page.setInt(12, limit);
            List<Access> found = new ArrayList<>();
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    found.add(new Access(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            rs.getString(9), "record-access-refused".equals(rs.getString(10)) ? "refused" : "read",
                            rs.getString(11), rs.getString(12)));
                }
            }
            return new AccessLog(total, offset, limit, found);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the access log (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static void bind(PreparedStatement ps, UUID childId, String actorId, String agencyId, Instant asOf,
                             String basis) throws SQLException {
        Timestamp at = asOf == null ? null : Timestamp.from(asOf);
        ps.setObject(1, childId);
        ps.setObject(2, childId);
        ps.setString(3, actorId);
        ps.setString(4, actorId);
        ps.setString(5, agencyId);
        ps.setString(6, agencyId);
        ps.setTimestamp(7, at);
        ps.setTimestamp(8, at);
        ps.setString(9, basis);
        ps.setString(10, basis);
    }
}
