package org.joinedup.concern.picture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.joinedup.concern.child.ChildLinks;
import org.joinedup.events.concern.BiggerPictureFlagAcknowledged;
import org.joinedup.events.concern.BiggerPictureFlagCleared;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import jakarta.enterprise.event.Observes;
import org.joinedup.concern.picture.domain.FlagCommand;
import org.joinedup.concern.picture.domain.FlagDecider;
import org.joinedup.concern.picture.domain.FlagState;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ConcernAmended;
import org.joinedup.events.concern.ConcernEvent;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.ConcernWithdrawn;
import org.joinedup.events.concern.FlagEvent;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventsAppended;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.platform.store.StoredEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates the bigger-picture rules for a child (with every record linked to it) when a piece
 * arrives (a concern raised or amended, a note shared) or its records are linked, in the same
 * transaction, and raises a flag (an event, published like any other) for each rule that fired on a
 * picture not flagged before. Leads acknowledge and clear flags, with reasons.
 */
@ApplicationScoped
public class BiggerPicture {
    private static final Logger LOG = Logger.getLogger(BiggerPicture.class);
    private static final String COLUMNS = """
            flag_id, child_id, rule, concern_ids, share_ids, agencies, summary, raised_at, status,
            acknowledged_by, acknowledged_at, acknowledge_reason, cleared_by, cleared_at, clear_reason""";
    private final DataSource dataSource;
    private final CommandHandler handler;
    private final BiggerPictureSettings settings;
    private final ChildLinks links;
    private final StreamKind<FlagCommand, FlagState, FlagEvent> flags;

    public BiggerPicture(DataSource dataSource, CommandHandler handler, BiggerPictureSettings settings, ChildLinks links) {
        this.links = links;
        this.dataSource = dataSource;
        this.handler = handler;
        this.settings = settings;
        // A raised flag's row is written before its event (it is also what stops a picture being flagged
        // twice); leads' steps update it.
        this.flags = StreamKind.of("flag-", FlagEvent.class, new FlagDecider()).keeping((state, appended) -> {
            for (StoredEvent e : appended) {
                switch (e.payload()) {
                    case BiggerPictureFlagAcknowledged a -> update("status = 'acknowledged', acknowledged_by = ?, "
                            + "acknowledged_at = ?, acknowledge_reason = ?", a.flagId(), a.acknowledgedBy(), a.acknowledgedAt(),
                            a.reason());
                    case BiggerPictureFlagCleared c -> update("status = 'cleared', cleared_by = ?, cleared_at = ?, "
                            + "clear_reason = ?", c.flagId(), c.clearedBy(), c.clearedAt(), c.reason());
                    default -> {
                    }
                }
            }
        });
    }

    /** A flag as leads see it: the rule, the pieces behind it, and what leads have done about it. */
    public record Flag(UUID flagId, UUID childId, String rule, List<UUID> concernIds, List<UUID> shareIds,
                       List<String> agencies, String summary, Instant raisedAt, String status,
                       String acknowledgedBy, Instant acknowledgedAt, String acknowledgeReason,
                       String clearedBy, Instant clearedAt, String clearReason, String visibility) {

        /**
         * The flag as a lead sees it whose agency holds none of the pieces behind it (docs/access.md): that it
         * was raised, by which rule, about which agencies' records, and where it stands; not the pieces, the
         * summary, or who decided what and why.
         */
        public Flag headline() {
            return new Flag(flagId, childId, rule, List.of(), List.of(), agencies, null, raisedAt, status, null,
                    acknowledgedAt, null, null, clearedAt, null, org.joinedup.needtoknow.Sight.HEADLINE.wireName());
        }
    }

    /**
     * The service's own events as they are appended, in their transaction (after their read models):
     * a concern raised, amended or withdrawn, or a note shared, is the news the rules look at; a link of
     * child records puts every piece of the joined-up record in turn as the news, since the link itself
     * may complete a picture no single record showed.
     */
    void appended(@Observes EventsAppended appended) {
        for (StoredEvent e : appended.events()) {
            switch (e.payload()) {
                case ConcernEvent c -> evaluate(UUID.fromString(c.subject()), List.of(concernId(c)), metadata(e));
                case InformationShared s when s.note() != null -> evaluate(s.childId(), List.of(s.shareId()), metadata(e));
                case ChildRecordsLinked l -> evaluate(l.childId(), null, metadata(e));
                default -> {
                }
            }
        }
    }

    private static UUID concernId(ConcernEvent event) {
        return switch (event) {
            case ConcernRaised r -> r.concernId();
            case ConcernAmended a -> a.concernId();
            case ConcernWithdrawn w -> w.concernId();
        };
    }

    /** The flags a piece raises are caused by the same person and request as the piece. */
    private static EventMetadata metadata(StoredEvent e) {
        return new EventMetadata(e.envelope().actorId(), e.envelope().agencyId(), e.envelope().correlationId(), null);
    }

    private List<BiggerPictureFlagRaised> evaluate(UUID childId, List<UUID> news, EventMetadata metadata) {
        List<BiggerPictureFlagRaised> raised = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<BiggerPictureRules.Piece> pieces = inForce(c, links.groupOf(childId));
            List<UUID> triggers = news != null ? news : pieces.stream().map(BiggerPictureRules.Piece::id).toList();
            List<BiggerPictureRules.Fired> all = new ArrayList<>();
            for (UUID trigger : triggers) {
                all.addAll(BiggerPictureRules.evaluate(pieces, trigger, settings));
            }
            for (BiggerPictureRules.Fired fired : widest(all)) {
                Instant now = handler.now();
                FlagCommand.Raise raise = new FlagCommand.Raise(UUID.randomUUID(), childId, fired.rule(), fired.concernIds(),
                        fired.shareIds(), fired.agencies(), fired.summary(), now);
                if (record(c, raise)) {
                    var handled = handler.start(flags, raise.flagId(), metadata, now, raise);
                    LOG.infof("bigger-picture flag %s (%s) for child %s", raise.flagId(), raise.rule(), childId);
                    raised.add(((FlagState.Flag) handled.state()).raised());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not evaluate the bigger picture (SQLState " + e.getSQLState() + ")", e);
        }
        return raised;
    }

    /**
     * Of the pictures found with several pieces as the news (after a link), only the widest per rule:
     * a picture whose pieces are all inside another of the same rule adds nothing for a lead.
     */
    public static List<BiggerPictureRules.Fired> widest(List<BiggerPictureRules.Fired> fired) {
        List<BiggerPictureRules.Fired> kept = new ArrayList<>();
        for (BiggerPictureRules.Fired f : fired) {
            Set<UUID> mine = pieces(f);
            boolean inside = fired.stream().anyMatch(o -> o != f && o.rule().equals(f.rule()) && pieces(o).containsAll(mine)
                    && (pieces(o).size() > mine.size() || fired.indexOf(o) < fired.indexOf(f)));
            if (!inside) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static Set<UUID> pieces(BiggerPictureRules.Fired f) {
        Set<UUID> ids = new java.util.HashSet<>(f.concernIds());
        ids.addAll(f.shareIds());
        return ids;
    }

    /** A lead has seen the flag and is acting on it. */
    @Transactional
    public Flag acknowledge(UUID flagId, String reason, EventMetadata metadata) {
        handler.handle(flags, flagId, ExpectedVersion.any(), metadata,
                now -> new FlagCommand.Acknowledge(flagId, reason, metadata.actorId(), now));
        return flag(flagId).orElseThrow();
    }

    /** A lead closes the flag. */
    @Transactional
    public Flag clear(UUID flagId, String reason, EventMetadata metadata) {
        handler.handle(flags, flagId, ExpectedVersion.any(), metadata,
                now -> new FlagCommand.Clear(flagId, reason, metadata.actorId(), now));
        return flag(flagId).orElseThrow();
    }

    /** The most recent flags, newest first: for one child (with its linked records) or all; in one status or any. */
    public List<Flag> recent(UUID childId, String status, int offset, int limit) {
        UUID[] children = childId == null ? null : links.groupOf(childId).toArray(UUID[]::new);
        return query("where (?::uuid[] is null or child_id = any(?)) and (?::text is null or status = ?) "
                + "order by raised_at desc, flag_id offset ? limit ?", children, children, status, status, offset, limit);
    }

    public java.util.Optional<Flag> flag(UUID flagId) {
        List<Flag> found = query("where flag_id = ?", flagId);
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0));
    }

    /** The flags not cleared about any of these child records, newest first. */
    public List<Flag> notCleared(Set<UUID> childRecords) {
        return query("where child_id = any(?) and status <> 'cleared' order by raised_at desc, flag_id",
                (Object) childRecords.toArray(UUID[]::new));
    }

    private List<Flag> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from bigger_picture_flag " + where)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof UUID[] ids) {
                    ps.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else if (args[i] == null) {
                    ps.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            List<Flag> flags = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flags.add(new Flag(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            Arrays.asList((UUID[]) rs.getArray(4).getArray()),
                            Arrays.asList((UUID[]) rs.getArray(5).getArray()),
                            Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), instant(rs, 11),
                            rs.getString(12), rs.getString(13), instant(rs, 14), rs.getString(15),
                            org.joinedup.needtoknow.Sight.FULL.wireName()));
                }
            }
            return flags;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read flags (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void update(String set, UUID flagId, String by, Instant at, String reason) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update bigger_picture_flag set " + set + " where flag_id = ?")) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, reason);
            ps.setObject(4, flagId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update a flag (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Concerns not withdrawn, and notes shared, about any of the child records. */
    private static List<BiggerPictureRules.Piece> inForce(Connection c, Set<UUID> children) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select concern_id, agency_id, occurred_at, view->>'riskLevel', false from concern_view
                where child_id = any(?) and status <> 'withdrawn'
                union all
                select share_id, from_agency, shared_at, null, true from share_view
                where child_id = any(?) and view->'share'->>'note' is not null""")) {
            java.sql.Array ids = c.createArrayOf("uuid", children.toArray());
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            List<BiggerPictureRules.Piece> pieces = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pieces.add(new BiggerPictureRules.Piece(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBoolean(5)));
                }
            }
            return pieces;
        }
    }

    /** Records the flag; false when this child, rule and set of pieces was flagged before. */
    private static boolean record(Connection c, FlagCommand.Raise f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into bigger_picture_flag (flag_id, child_id, rule, concern_ids, share_ids, agencies, summary, raised_at,
                                                 picture_key)
                select flag_id, child_id, rule, concern_ids, share_ids, agencies, summary, raised_at,
                       encode(sha256(convert_to(concern_ids::text || '|' || share_ids::text, 'UTF8')), 'hex')
                from (values (?::uuid, ?::uuid, ?, ?::uuid[], ?::uuid[], ?::text[], ?, ?::timestamptz))
                     as f (flag_id, child_id, rule, concern_ids, share_ids, agencies, summary, raised_at)
                on conflict on constraint bigger_picture_flag_once do nothing""")) {
            ps.setObject(1, f.flagId());
            ps.setObject(2, f.childId());
            ps.setString(3, f.rule());
            ps.setArray(4, c.createArrayOf("uuid", f.concernIds().stream().sorted().toArray()));
            ps.setArray(5, c.createArrayOf("uuid", f.shareIds().stream().sorted().toArray()));
            ps.setArray(6, c.createArrayOf("text", f.agencies().toArray()));
            ps.setString(7, f.summary());
            ps.setTimestamp(8, Timestamp.from(f.at()));
            return ps.executeUpdate() == 1;
        }
    }

    /** The status names, for checking a filter. */
    public static List<String> statuses() {
        return java.util.Arrays.stream(FlagState.Status.values()).map(FlagState.Status::wireName).toList();
    }
}
