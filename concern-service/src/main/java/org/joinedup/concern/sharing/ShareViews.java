package org.joinedup.concern.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.concern.concern.ConcernView;
import org.joinedup.events.EventJson;
import org.joinedup.events.concern.InformationShared;

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

/** What was shared, as the recipient sees it: the snapshots of the concerns and the share itself (its inbox). */
@ApplicationScoped
public class ShareViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public ShareViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A share as its recipient sees it: the share's facts and exactly the concerns as they were sent. */
    public record ShareView(InformationShared share, List<ConcernView> concerns, Instant acknowledgedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shared(InformationShared share, List<ConcernView> snapshots) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement visible = c.prepareStatement("""
                     insert into concern_visibility (concern_id, agency_id, via, snapshot) values (?, ?, 'shared', ?::jsonb)
                     on conflict (concern_id, agency_id) do update set snapshot = excluded.snapshot
                     where concern_visibility.via = 'shared'""");
             PreparedStatement inbox = c.prepareStatement("""
                     insert into share_view (share_id, child_id, from_agency, to_agency, shared_at, override, view)
                     values (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (ConcernView snapshot : snapshots) {
                visible.setObject(1, snapshot.concernId());
                visible.setString(2, share.toAgency());
                visible.setString(3, JSON.writeValueAsString(snapshot));
                visible.executeUpdate();
            }
            inbox.setObject(1, share.shareId());
            inbox.setObject(2, share.childId());
            inbox.setString(3, share.fromAgency());
            inbox.setString(4, share.toAgency());
            inbox.setTimestamp(5, Timestamp.from(share.sharedAt()));
            inbox.setBoolean(6, share.override());
            inbox.setString(7, JSON.writeValueAsString(new ShareView(share, snapshots, null)));
            inbox.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record the share for its recipient", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledged(UUID shareId, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update share_view set acknowledged_at = ?,
                         view = jsonb_set(view, '{acknowledgedAt}', to_jsonb(?::text)) where share_id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, at.toString());
            ps.setObject(3, shareId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the acknowledgement", e);
        }
    }

    /** Shares sent to the agency and not yet acknowledged, oldest first. */
    public List<JsonNode> inbox(String agencyId) {
        return query("select view::text from share_view where to_agency = ? and acknowledged_at is null "
                + "order by shared_at, share_id", agencyId);
    }

    /** One share, whoever sent and received it; empty when there is none. */
    public List<JsonNode> byId(UUID shareId) {
        return query("select view::text from share_view where share_id = ?", shareId);
    }

    /** One share, if the agency sent or received it. */
    public List<JsonNode> one(UUID shareId, String agencyId) {
        return query("select view::text from share_view where share_id = ? and (to_agency = ? or from_agency = ?)",
                shareId, agencyId, agencyId);
    }

    private List<JsonNode> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<JsonNode> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(JSON.readTree(rs.getString(1)));
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read shares", e);
        }
    }

}
