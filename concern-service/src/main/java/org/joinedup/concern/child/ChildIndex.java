package org.joinedup.concern.child;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.concern.ChildIdentification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Finds the child an identification refers to, registering a new child when no key matches. Runs in
 * the caller's transaction; concurrent first concerns about one child converge on one child id
 * (insert-if-absent, then read what won).
 */
@ApplicationScoped
public class ChildIndex {
    private final DataSource dataSource;

    public ChildIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID resolve(ChildIdentification child) {
        List<String> keys = ChildMatchKeys.of(child);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an identification without a match key cannot be resolved");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement find = c.prepareStatement("select child_id from child_match_key where match_key = ?");
             PreparedStatement claim = c.prepareStatement(
                     "insert into child_match_key (match_key, child_id) values (?, ?) on conflict (match_key) do nothing")) {
            UUID childId = null;
            for (String key : keys) {
                childId = find(find, key);
                if (childId != null) {
                    break;
                }
            }
            if (childId == null) {
                childId = UUID.randomUUID();
            }
            for (String key : keys) {
                claim.setString(1, key);
                claim.setObject(2, childId);
                claim.executeUpdate();
            }
            // The strongest key decides: if a concurrent writer registered it first, use its child.
            UUID winner = find(find, keys.get(0));
            return winner != null ? winner : childId;
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static UUID find(PreparedStatement find, String key) throws SQLException {
        find.setString(1, key);
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }
}
