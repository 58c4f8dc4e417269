package org.joinedup.concern.picture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.joinedup.concern.child.ChildLinks;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates the bigger-picture rules for a child (with every record linked to it) after one of its
 * concerns changed or its records were linked, in the same
 * transaction, and raises a flag (an event, published like any other) for each rule that fired on a
 * picture not flagged before.
 */
@ApplicationScoped
public class BiggerPicture {
    private static final Logger LOG = Logger.getLogger(BiggerPicture.class);
    private final DataSource dataSource;
    private final EventStore store;
    private final BiggerPictureSettings settings;
    private final ChildLinks links;

    public BiggerPicture(DataSource dataSource, EventStore store, BiggerPictureSettings settings, ChildLinks links) {
        this.links = links;
        this.dataSource = dataSource;
        this.store = store;
        this.settings = settings;
    }

    /** A flag as leads see it. */
    public record Flag(UUID flagId, UUID childId, String rule, List<UUID> concernIds, List<String> agencies,
                       String summary, Instant raisedAt) {
    }

    /** After a concern about a child was raised or amended: the rules, with that concern as the news. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<BiggerPictureFlagRaised> concernChanged(UUID childId, UUID concernId, EventMetadata metadata) {
        return evaluate(childId, List.of(concernId), metadata);
    }

    /**
     * After a lead linked child records: the rules over the joined-up record, each concern in turn as
     * the news, since the link itself may complete a picture no single record showed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<BiggerPictureFlagRaised> recordsLinked(UUID childId, EventMetadata metadata) {
        return evaluate(childId, null, metadata);
    }

    private List<BiggerPictureFlagRaised> evaluate(UUID childId, List<UUID> news, EventMetadata metadata) {
        List<BiggerPictureFlagRaised> raised = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<BiggerPictureRules.Piece> pieces = inForce(c, links.groupOf(childId));
            List<UUID> triggers = news != null ? news : pieces.stream().map(BiggerPictureRules.Piece::concernId).toList();
            for (UUID trigger : triggers) {
                for (BiggerPictureRules.Fired fired : BiggerPictureRules.evaluate(pieces, trigger, settings)) {
                    Instant now = store.now();
                    BiggerPictureFlagRaised flag = new BiggerPictureFlagRaised(UUID.randomUUID(), childId, fired.rule(),
                            fired.concernIds(), fired.agencies(), fired.summary(), now);
                    if (record(c, flag)) {
                        store.append("flag-" + flag.flagId(), 0, List.of(flag),
                                new EventMetadata(metadata.actorId(), metadata.agencyId(), metadata.correlationId(), null), now);
                        LOG.infof("bigger-picture flag %s (%s) for child %s", flag.flagId(), flag.rule(), childId);
                        raised.add(flag);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not evaluate the bigger picture (SQLState " + e.getSQLState() + ")", e);
        }
        return raised;
    }

    /** The most recent flags, newest first, optionally for one child. */
    public List<Flag> recent(UUID childId, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select flag_id, child_id, rule, concern_ids, agencies, summary, raised_at from bigger_picture_flag
                     where (?::uuid is null or child_id = ?) order by raised_at desc, flag_id limit ?""")) {
            ps.setObject(1, childId);
            ps.setObject(2, childId);
            ps.setInt(3, limit);
            List<Flag> flags = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flags.add(new Flag(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            Arrays.asList((UUID[]) rs.getArray(4).getArray()),
                            Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return flags;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read flags (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static List<BiggerPictureRules.Piece> inForce(Connection c, java.util.Set<UUID> children) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select concern_id, agency_id, occurred_at, view->>'riskLevel' from concern_view
                where child_id = any(?) and status <> 'withdrawn'""")) {
            ps.setArray(1, c.createArrayOf("uuid", children.toArray()));
            List<BiggerPictureRules.Piece> pieces = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pieces.add(new BiggerPictureRules.Piece(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            return pieces;
        }
    }

    /** Records the flag; false when this child, rule and set of concerns was flagged before. */
    private static boolean record(Connection c, BiggerPictureFlagRaised f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into bigger_picture_flag (flag_id, child_id, rule, concern_ids, agencies, summary, raised_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict on constraint bigger_picture_flag_once do nothing""")) {
            Array ids = c.createArrayOf("uuid", f.concernIds().stream().sorted().toArray());
            ps.setObject(1, f.flagId());
            ps.setObject(2, f.childId());
            ps.setString(3, f.rule());
            ps.setArray(4, ids);
            ps.setArray(5, c.createArrayOf("text", f.agencies().toArray()));
            ps.setString(6, f.summary());
            ps.setTimestamp(7, Timestamp.from(f.raisedAt()));
            return ps.executeUpdate() == 1;
        }
    }
}
