package org.joinedup.concern.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventJson;
import org.joinedup.events.concern.ChildIdentification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds the child an identification refers to, registering a new child when no deterministic key
 * matches, and records the identification (aliases kept). A new identification is then compared
 * with the children it shares a blocking key with, and likely matches join the review queue; nothing
 * is merged on fuzzy evidence.
 *
 * <p>Runs in the caller's transaction. Concurrent concerns that share a key are serialised by
 * transaction-scoped advisory locks on the keys (taken in a fixed order), so they converge on one
 * child and see each other's identities when matching.
 */
@ApplicationScoped
public class ChildIndex {
    private static final ObjectMapper JSON = EventJson.mapper();
    /** The queue's reason for a pair found by fuzzy matching. */
    public static final String LIKELY_MATCH = "likely-match";
    /** Every reason a pair can be in the review queue. */
    public static final List<String> REASONS = List.of(AutomaticJoin.NHS_NUMBER_CONFLICT, AutomaticJoin.CONFLICTING_KEYS,
            AutomaticJoin.SAME_NAMES_AND_BIRTH, LIKELY_MATCH);
    private final DataSource dataSource;
    private final ChildLinks links;
    private final ChildMatcher matcher;

    public ChildIndex(DataSource dataSource, ChildLinks links, MatchingSettings settings) {
        this.dataSource = dataSource;
        this.links = links;
        this.matcher = new ChildMatcher(settings.threshold());
    }

    /** Which child, and whether it was registered by this call. */
    public record Resolution(UUID childId, boolean registered) {
    }

    /**
     * Finds or registers the child an identification is about. The children that share a deterministic
     * key with it are judged by {@link AutomaticJoin}: the first it joins is the child (one joined by
     * the NHS number before one joined by names); any other it would join, and every one it sends to
     * review, join the review queue with the reason. With none, the identification is a new child.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution resolve(ChildIdentification child, UUID concernId, String agencyId, Instant now) {
        ChildIdentity incoming = ChildIdentity.of(null, child);
        List<String> keys = ChildMatchKeys.of(incoming);
        ChildMatcher.Blocks blocking = ChildMatcher.blocks(incoming, LocalDate.ofInstant(now, ZoneOffset.UTC));
        try (Connection c = dataSource.getConnection()) {
            lock(c, keys, blocking);
            Map<UUID, List<ChildIdentity>> holders = holders(c, keys);
            AutomaticJoin.Resolution rule = AutomaticJoin.resolve(incoming, holders);
            UUID childId = rule.joinTo();
            boolean registered = childId == null;
            if (registered) {
                childId = UUID.randomUUID();
            }
            ChildIdentity identity = incoming.as(childId);
            Set<UUID> group = links.groupOf(c, childId);
            for (Map.Entry<UUID, AutomaticJoin.Decision> d : rule.review().entrySet()) {
                if (!group.contains(d.getKey())) {
                    ChildMatcher.Evidence fuzzy = matcher.best(identity, holders.get(d.getKey()));
                    queue(c, childId, d.getKey(), d.getValue().reason(), new ChildMatcher.Evidence(fuzzy.score(),
                            concat(d.getValue().agreeing(), fuzzy.reasons()), concat(d.getValue().against(), fuzzy.against())), now);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into child_match_key (match_key, child_id) values (?, ?) on conflict do nothing")) {
                for (String key : keys) {
                    ps.setString(1, key);
                    ps.setObject(2, childId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (recordIdentity(c, identity, child, concernId, agencyId, now)) {
                match(c, identity, blocking, now);
            }
            return new Resolution(childId, registered);
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The children holding any of the keys, each with every identification it is known by. */
    private Map<UUID, List<ChildIdentity>> holders(Connection c, List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<UUID> children = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select distinct child_id from child_match_key where match_key = any(?) order by child_id")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    children.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, List<ChildIdentity>> found = new LinkedHashMap<>();
        Map<UUID, List<ChildIdentification>> ids = children.isEmpty() ? Map.of() : identifications(c, children);
        for (UUID child : children) {
            found.put(child, ids.getOrDefault(child, List.of()).stream().map(i -> ChildIdentity.of(child, i)).toList());
        }
        return found;
    }

    /** True when a child has been indexed. */
    public boolean exists(UUID childId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from child_identity where child_id = ? limit 1")) {
            ps.setObject(1, childId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** An identification with where it came from: the agency that recorded it, and the concern it came with. */
    public record SourcedIdentification(ChildIdentification identification, String agencyId, UUID firstConcern) {
    }

    /** Every identification a child record was recorded with, oldest first, with who recorded each. */
    public List<SourcedIdentification> sourcedIdentifications(UUID childId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select identification::text, agency_id, first_concern from child_identity where child_id = ?
                     order by recorded_at, fingerprint""")) {
            ps.setObject(1, childId);
            List<SourcedIdentification> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new SourcedIdentification(JSON.readValue(rs.getString(1), ChildIdentification.class),
                            rs.getString(2), rs.getObject(3, UUID.class)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read an identification", e);
        }
    }

    /** Every identification a child was recorded with, oldest first. */
    public List<ChildIdentification> identifications(UUID childId) {
        try (Connection c = dataSource.getConnection()) {
            return identifications(c, List.of(childId)).getOrDefault(childId, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void match(Connection c, ChildIdentity identity, ChildMatcher.Blocks blocking, Instant now) throws SQLException {
        Set<UUID> group = links.groupOf(c, identity.childId());
        List<UUID> comparable = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct child_id from child_blocking_key where blocking_key = any(?) and child_id <> ?""")) {
            ps.setArray(1, c.createArrayOf("text", blocking.probed().toArray()));
            ps.setObject(2, identity.childId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID other = rs.getObject(1, UUID.class);
                    if (!group.contains(other)) {
                        comparable.add(other);
                    }
                }
            }
        }
        if (!comparable.isEmpty()) {
            Map<UUID, List<ChildIdentity>> others = new HashMap<>();
            identifications(c, comparable).forEach((child, ids) ->
                    others.put(child, ids.stream().map(id -> ChildIdentity.of(child, id)).toList()));
            for (Map.Entry<UUID, ChildMatcher.Evidence> found : matcher.candidates(identity, others).entrySet()) {
                queue(c, identity.childId(), found.getKey(), LIKELY_MATCH, found.getValue(), now);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_blocking_key (blocking_key, child_id) values (?, ?) on conflict do nothing""")) {
            for (String key : blocking.filed()) {
                ps.setString(1, key);
                ps.setObject(2, identity.childId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Queues a pair for review; a pair already decided stays decided, an open one keeps its best
     * evidence, and a reason from the automatic-join rule outranks {@code likely-match}.
     */
    private static void queue(Connection c, UUID a, UUID b, String reason, ChildMatcher.Evidence evidence, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_match_candidate (candidate_id, child_id, other_child_id, score, reasons, against,
                                                   reason, found_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict on constraint child_match_candidate_pair do update
                    set score = greatest(child_match_candidate.score, excluded.score),
                        reasons = case when child_match_candidate.score < excluded.score
                                       then excluded.reasons else child_match_candidate.reasons end,
                        against = case when child_match_candidate.score < excluded.score
                                       then excluded.against else child_match_candidate.against end,
                        reason = case when child_match_candidate.reason = 'likely-match'
                                      then excluded.reason else child_match_candidate.reason end
                    where child_match_candidate.status = 'open'""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, before(a, b) ? a : b);
            ps.setObject(3, before(a, b) ? b : a);
            ps.setBigDecimal(4, java.math.BigDecimal.valueOf(evidence.score()));
            ps.setArray(5, c.createArrayOf("text", evidence.reasons().toArray()));
            ps.setArray(6, c.createArrayOf("text", evidence.against().toArray()));
            ps.setString(7, reason);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    private static boolean recordIdentity(Connection c, ChildIdentity identity, ChildIdentification child,
                                          UUID concernId, String agencyId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_identity (child_id, fingerprint, identification, first_concern, agency_id, recorded_at)
                values (?, ?, ?::jsonb, ?, ?, ?) on conflict do nothing""")) {
            ps.setObject(1, identity.childId());
            ps.setString(2, fingerprint(identity));
            ps.setString(3, JSON.writeValueAsString(child));
            ps.setObject(4, concernId);
            ps.setString(5, agencyId);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an identification", e);
        }
    }

    private static Map<UUID, List<ChildIdentification>> identifications(Connection c, List<UUID> children)
            throws SQLException {
        Map<UUID, List<ChildIdentification>> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select child_id, identification::text from child_identity where child_id = any(?)
                order by recorded_at, fingerprint""")) {
            ps.setArray(1, c.createArrayOf("uuid", children.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getObject(1, UUID.class), x -> new ArrayList<>())
                            .add(JSON.readValue(rs.getString(2), ChildIdentification.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read an identification", e);
        }
        return found;
    }

    /** The normalised identity as text: two identifications that normalise alike are recorded once. */
    static String fingerprint(ChildIdentity identity) {
        StringBuilder s = new StringBuilder();
        s.append(identity.nhsNumber()).append('|').append(identity.dateOfBirth())
                .append(identity.dateOfBirthEstimated() ? "~" : "").append('|').append(identity.postcode());
        identity.names().forEach(n -> s.append('|').append(n.family()).append(',').append(n.given())
                .append(n.alias() ? ",alias" : ""));
        return s.toString();
    }

    /** The order PostgreSQL sorts uuids in (unsigned, byte by byte), which is not {@link UUID#compareTo}. */
    static boolean before(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0;
    }

    /**
     * Takes the transaction's advisory locks, in one statement and in one order of the keys (so two
     * concerns never deadlock): the deterministic keys and the blocks filed in exclusively, the other
     * blocks looked in shared (see {@link ChildMatcher.Blocks}). Concerns that could join or be compared
     * with each other are serialised; concerns about children that could not be one child are not.
     */
    private static void lock(Connection c, List<String> keys, ChildMatcher.Blocks blocking) throws SQLException {
        java.util.TreeMap<String, Boolean> all = new java.util.TreeMap<>();
        blocking.shared().forEach(k -> all.put(k, false));
        blocking.exclusive().forEach(k -> all.put(k, true));
        keys.forEach(k -> all.put(k, true));
        try (PreparedStatement ps = c.prepareStatement("""
                select count(case when x then pg_advisory_xact_lock(hashtextextended('child-index:' || k, 0))
                                  else pg_advisory_xact_lock_shared(hashtextextended('child-index:' || k, 0)) end)
                from (select k, x from unnest(?::text[], ?::boolean[]) as t(k, x) order by k) ordered""")) {
            ps.setArray(1, c.createArrayOf("text", all.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("boolean", all.values().toArray()));
            ps.executeQuery().close();
        }
    }
}
