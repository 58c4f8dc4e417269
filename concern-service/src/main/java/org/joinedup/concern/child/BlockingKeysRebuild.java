package org.joinedup.concern.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.joinedup.events.EventJson;
import org.joinedup.events.concern.ChildIdentification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Files every recorded identification under the current blocking scheme ({@link ChildMatcher#blocks}),
 * once per scheme, when the service starts after an upgrade that changed it. Serialised across
 * instances by an advisory lock; idempotent, so concerns arriving meanwhile lose nothing.
 */
@ApplicationScoped
public class BlockingKeysRebuild {
    private static final Logger LOG = Logger.getLogger(BlockingKeysRebuild.class);
    /** The scheme {@link ChildMatcher#blocks} files under; raise it whenever the keys change. */
    static final int SCHEME = 3;
    private static final long LOCK = 0x626c6f636b6b6579L;
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public BlockingKeysRebuild(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent ignored) {
        rebuild();
    }

    /** Rebuilds the blocking keys unless the current scheme's are already in place; answers how many identifications were filed. */
    @Transactional
    public int rebuild() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, LOCK);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("select version from child_blocking_scheme");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) >= SCHEME) {
                    return 0;
                }
            }
            int filed = 0;
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            try (PreparedStatement read = c.prepareStatement("select child_id, identification::text from child_identity");
                 PreparedStatement write = c.prepareStatement(
                         "insert into child_blocking_key (blocking_key, child_id) values (?, ?) on conflict do nothing")) {
                read.setFetchSize(1000);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        UUID child = rs.getObject(1, UUID.class);
                        ChildIdentity identity = ChildIdentity.of(child, JSON.readValue(rs.getString(2), ChildIdentification.class));
                        for (String key : ChildMatcher.blocks(identity, today).filed()) {
                            write.setString(1, key);
                            write.setObject(2, child);
                            write.addBatch();
                        }
                        if (++filed % 1000 == 0) {
                            write.executeBatch();
                        }
                    }
                }
                write.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into child_blocking_scheme (id, version, rebuilt_at) values (1, ?, now())
                    on conflict (id) do update set version = excluded.version, rebuilt_at = excluded.rebuilt_at""")) {
                ps.setInt(1, SCHEME);
                ps.executeUpdate();
            }
            LOG.infof("child index: %d identifications filed under blocking scheme %d", filed, SCHEME);
            return filed;
        } catch (SQLException e) {
            throw new IllegalStateException("child index unavailable (SQLState " + e.getSQLState() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read an identification", e);
        }
    }
}
