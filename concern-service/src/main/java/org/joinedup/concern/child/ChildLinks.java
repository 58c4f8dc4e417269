package org.joinedup.concern.child;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The links between child records, as leads made them: a projection of child-records-linked and
 * child-records-unlinked, written in the command's transaction. Links are transitive: records
 * joined through a chain of links in force are read as one child (its group).
 */
@ApplicationScoped
public class ChildLinks {
    private final DataSource dataSource;

    public ChildLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A link as leads see it. */
    public record Link(UUID linkId, UUID childId, UUID linkedChildId, UUID candidateId, String reason, String linkedBy,
                       Instant linkedAt, String unlinkedBy, Instant unlinkedAt, String unlinkReason) {
        public boolean inForce() {
            return unlinkedAt == null;
        }
    }

    /** The child and every record linked to it, directly or through other links in force. */
    public Set<UUID> groupOf(UUID childId) {
        try (Connection c = dataSource.getConnection()) {
            return groupOf(c, childId);
        } catch (SQLException e) {
            throw new IllegalStateException("child links unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    Set<UUID> groupOf(Connection c, UUID childId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with recursive grp(id) as (
                    select ?::uuid
                    union
                    select case when l.child_id = grp.id then l.linked_child_id else l.child_id end
                    from child_link l join grp on l.child_id = grp.id or l.linked_child_id = grp.id
                    where l.unlinked_at is null)
                select id from grp""")) {
            ps.setObject(1, childId);
            Set<UUID> group = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    group.add(rs.getObject(1, UUID.class));
                }
            }
            return group;
        }
    }

    void linked(ChildRecordsLinked e) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into child_link (link_id, child_id, linked_child_id, candidate_id, reason, linked_by, linked_at)
                     values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, e.linkId());
            ps.setObject(2, e.childId());
            ps.setObject(3, e.linkedChildId());
            ps.setObject(4, e.candidateId());
            ps.setString(5, e.reason());
            ps.setString(6, e.linkedBy());
            ps.setTimestamp(7, Timestamp.from(e.linkedAt()));
            ps.executeUpdate();
        } catch (SQLException ex) {
            if ("23505".equals(ex.getSQLState())) {
                throw org.joinedup.platform.http.ProblemException.conflict("already-linked",
                        "child records " + e.childId() + " and " + e.linkedChildId() + " are already linked");
            }
            throw new IllegalStateException("could not record a link (SQLState " + ex.getSQLState() + ")", ex);
        }
    }

    void unlinked(ChildRecordsUnlinked e) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update child_link set unlinked_by = ?, unlinked_at = ?, unlink_reason = ? where link_id = ?""")) {
            ps.setString(1, e.unlinkedBy());
            ps.setTimestamp(2, Timestamp.from(e.unlinkedAt()));
            ps.setString(3, e.reason());
            ps.setObject(4, e.linkId());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not record an unlink (SQLState " + ex.getSQLState() + ")", ex);
        }
    }

    public Optional<Link> link(UUID linkId) {
        List<Link> found = query("where link_id = ?", linkId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every link a child record took part in, in force or undone, oldest first. */
    public List<Link> linksOf(UUID childId) {
        return query("where child_id = ? or linked_child_id = ?", childId, childId);
    }

    private List<Link> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select link_id, child_id, linked_child_id, candidate_id, reason, linked_by, linked_at,
                            unlinked_by, unlinked_at, unlink_reason from child_link """ + " " + where + " order by linked_at, link_id")) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Link> links = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp unlinkedAt = rs.getTimestamp(9);
                    links.add(new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getString(8),
                            unlinkedAt == null ? null : unlinkedAt.toInstant(), rs.getString(10)));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("child links unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
