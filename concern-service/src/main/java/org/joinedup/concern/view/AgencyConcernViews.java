package org.joinedup.concern.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventJson;

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
 * Each agency's own view of a child's concerns: what it raised, as now amended, and what was shared
 * with it, exactly as it was sent; nothing else. Written in the command's transaction; rebuildable from the event store.
 */
@ApplicationScoped
public class AgencyConcernViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public AgencyConcernViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a concern as it now is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(UUID concernId, UUID childId, String raisingAgency, Instant occurredAt, String status, int version,
                    Object view) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into concern_view (concern_id, child_id, agency_id, occurred_at, status, version, view)
                     values (?, ?, ?, ?, ?, ?, ?::jsonb)
                     on conflict (concern_id) do update set occurred_at = excluded.occurred_at,
                         status = excluded.status, version = excluded.version, view = excluded.view""");
             PreparedStatement visible = c.prepareStatement("""
                     insert into concern_visibility (concern_id, agency_id, via) values (?, ?, 'raised')
                     on conflict do nothing""")) {
            ps.setObject(1, concernId);
            ps.setObject(2, childId);
            ps.setString(3, raisingAgency);
            ps.setTimestamp(4, Timestamp.from(occurredAt));
            ps.setString(5, status);
            ps.setInt(6, version);
            ps.setString(7, JSON.writeValueAsString(view));
            ps.executeUpdate();
            visible.setObject(1, concernId);
            visible.setString(2, raisingAgency);
            visible.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not update the agency view", e);
        }
    }

    /**
     * A concern about a child as the policy weighs it for one agency: who raised it, its category and
     * date, the view the agency already holds (its own, or the snapshot shared with it; null when it
     * holds none) and the concern as it now is.
     */
    public record ConcernRow(UUID concernId, UUID childId, String owner, Instant occurredAt, String category,
                             JsonNode held, JsonNode current) {
    }

    /** Every concern about the child records, oldest first, with what the agency holds of each. */
    public List<ConcernRow> ofChild(String agencyId, java.util.Set<UUID> childRecords) {
        return rows("""
                select v.concern_id, v.child_id, v.agency_id, v.occurred_at, v.view->>'category',
                       case when s.concern_id is null then null else coalesce(s.snapshot, v.view) end::text, v.view::text
                from concern_view v left join concern_visibility s on s.concern_id = v.concern_id and s.agency_id = ?
                where v.child_id = any(?) order by v.occurred_at, v.concern_id""", agencyId, childRecords.toArray(UUID[]::new));
    }

    /** One concern, with what the agency holds of it; empty when there is no such concern. */
    public java.util.Optional<ConcernRow> one(UUID concernId, String agencyId) {
        return rows("""
                select v.concern_id, v.child_id, v.agency_id, v.occurred_at, v.view->>'category',
                       case when s.concern_id is null then null else coalesce(s.snapshot, v.view) end::text, v.view::text
                from concern_view v left join concern_visibility s on s.concern_id = v.concern_id and s.agency_id = ?
                where v.concern_id = ?""", agencyId, concernId).stream().findFirst();
    }

    /** A page of concerns an agency raised (one practitioner's, when named), newest first, with how many in all. */
    public record Own(long total, List<JsonNode> concerns) {
    }

    public Own own(String agencyId, String practitionerId, UUID childId, int offset, int limit) {
        String where = " from concern_view where agency_id = ? and (?::text is null or view->>'practitionerId' = ?)"
                + " and (?::uuid is null or child_id = ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*)" + where);
             PreparedStatement page = c.prepareStatement("select view::text" + where
                     + " order by occurred_at desc, concern_id offset ? limit ?")) {
            for (PreparedStatement ps : List.of(count, page)) {
                ps.setString(1, agencyId);
                ps.setString(2, practitionerId);
                ps.setString(3, practitionerId);
                ps.setObject(4, childId);
                ps.setObject(5, childId);
            }
            page.setInt(6, offset);
            page.setInt(7, limit);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<JsonNode> found = new ArrayList<>();
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    found.add(JSON.readTree(rs.getString(1)));
                }
            }
            return new Own(total, found);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the agency's concerns", e);
        }
    }

    private List<ConcernRow> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof UUID[] ids) {
                    ps.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            List<ConcernRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String held = rs.getString(6);
                    rows.add(new ConcernRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), held == null ? null : JSON.readTree(held),
                            JSON.readTree(rs.getString(7))));
                }
            }
            return rows;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the agency view", e);
        }
    }
}
