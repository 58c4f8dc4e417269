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
import java.util.ArrayList;
import java.util.HashMap;
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
    static final String CONFLICTING_KEYS = "the NHS number and the names with date of birth point to different records";
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

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution resolve(ChildIdentification child, UUID concernId, String agencyId, Instant now) {
        List<String> keys = ChildMatchKeys.of(child);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an identification without a match key cannot be resolved");
        }
        Set<String> blocking = ChildMatcher.blockingKeys(ChildIdentity.of(null, child));
        try (Connection c = dataSource.getConnection()) {
            lock(c, keys, blocking);
            UUID childId = null;
            for (String key : keys) {
                childId = holder(c, key);
                if (childId != null) {
                    break;
                }
            }
            boolean registered = childId == null;
            if (registered) {
                childId = UUID.randomUUID();
            }
            for (String key : keys) {
                UUID holder = claim(c, key, childId);
                if (!holder.equals(childId)) {
                    queue(c, childId, holder, new ChildMatcher.Evidence(1.0, List.of(CONFLICTING_KEYS)), now);
                }
            }
            ChildIdentity identity = ChildIdentity.of(childId, child);
            if (recordIdentity(c, identity, child, concernId, agencyId, now)) {
                match(c, identity, blocking, now);
            }
            return new Resolution(childId, registered);
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** True when a child has been indexed. */
    public boolean exists(UUID childId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from child_match_key where child_id = ? limit 1")) {
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

    private void match(Connection c, ChildIdentity identity, Set<String> blocking, Instant now) throws SQLException {
        Set<UUID> group = links.groupOf(c, identity.childId());
        List<UUID> comparable = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct child_id from child_blocking_key where blocking_key = any(?) and child_id <> ?""")) {
            ps.setArray(1, c.createArrayOf("text", blocking.toArray()));
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
                queue(c, identity.childId(), found.getKey(), found.getValue(), now);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_blocking_key (blocking_key, child_id) values (?, ?) on conflict do nothing""")) {
            for (String key : blocking) {
                ps.setString(1, key);
                ps.setObject(2, identity.childId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Queues a pair for review; a pair already decided stays decided, an open one keeps its best evidence. */
    private static void queue(Connection c, UUID a, UUID b, ChildMatcher.Evidence evidence, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_match_candidate (candidate_id, child_id, other_child_id, score, reasons, found_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict on constraint child_match_candidate_pair do update
                    set score = excluded.score, reasons = excluded.reasons
                    where child_match_candidate.status = 'open' and child_match_candidate.score < excluded.score""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, before(a, b) ? a : b);
            ps.setObject(3, before(a, b) ? b : a);
            ps.setBigDecimal(4, java.math.BigDecimal.valueOf(evidence.score()));
            ps.setArray(5, c.createArrayOf("text", evidence.reasons().toArray()));
            ps.setTimestamp(6, Timestamp.from(now));
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
        s.append(identity.nhsNumber()).append('|').append(identity.dateOfBirth()).append('|').append(identity.postcode());
        identity.names().forEach(n -> s.append('|').append(n.family()).append(',').append(n.given())
                .append(n.alias() ? ",alias" : ""));
        return s.toString();
    }

    /** The order PostgreSQL sorts uuids in (unsigned, byte by byte), which is not {@link UUID#compareTo}. */
    static boolean before(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0;
    }

    private static void lock(Connection c, List<String> keys, Set<String> blocking) throws SQLException {
        Set<String> all = new TreeSet<>(keys);
        all.addAll(blocking);
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            for (String key : all) {
                ps.setString(1, "child-index:" + key);
                ps.executeQuery().close();
            }
        }
    }

    private static UUID holder(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select child_id from child_match_key where match_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /** Claims a key for a child; answers the child that holds it (another one when it was claimed before). */
    private static UUID claim(Connection c, String key, UUID childId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into child_match_key (match_key, child_id) values (?, ?) on conflict (match_key) do nothing")) {
            ps.setString(1, key);
            ps.setObject(2, childId);
            if (ps.executeUpdate() == 1) {
                return childId;
            }
        }
        return holder(c, key);
    }
}
