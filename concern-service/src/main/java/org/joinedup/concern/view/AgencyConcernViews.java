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
     * The concerns about a child that an agency may see, in the order they happened: about the child
     * record or any record a lead linked to it.
     */
    public List<JsonNode> visibleTo(String agencyId, java.util.Set<UUID> childRecords) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select coalesce(s.snapshot, v.view)::text from concern_view v
                     join concern_visibility s on s.concern_id = v.concern_id and s.agency_id = ?
                     where v.child_id = any(?) order by v.occurred_at, v.concern_id""")) {
            ps.setString(1, agencyId);
            ps.setArray(2, c.createArrayOf("uuid", childRecords.toArray()));
            List<JsonNode> views = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(JSON.readTree(rs.getString(1)));
                }
            }
            return views;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the agency view", e);
        }
    }
}
