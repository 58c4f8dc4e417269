package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.joinedup.audit.rebuild.LedgerReplayer;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger rebuilt from Kafka into an empty database, following the ledger-order topic, has the
 * same hashes as the original, entry by entry, up to the same head.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class LedgerRebuildTest {
    @Inject
    DataSource dataSource;

    @Inject
    LedgerReplayer replayer;

    @Test
    void a_ledger_rebuilt_from_kafka_has_the_same_hashes_as_the_original() throws SQLException {
        List<UUID> published = new ArrayList<>();
        UUID anna = UUID.randomUUID();
        UUID kofi = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            published.add(Events.publish(Events.concern(anna, "met-police", "neglect", Instant.parse("2026-10-0" + (i + 1) + "T10:00:00Z"))).id());
            published.add(Events.publish(Events.concern(kofi, "whittington-health", "self-harm", Instant.parse("2026-10-1" + i + "T10:00:00Z"))).id());
        }
        EventEnvelope agency = TestEvents.publish(new AgencyRegistered("rebuild-" + UUID.randomUUID().toString().substring(0, 6),
                "Rebuild test agency", "other", "Haringey", null, List.of(), "admin", Instant.now()), "/agency-directory-service");
        published.add(agency.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> hashes(dataSource).keySet().containsAll(published));
        long head = scalar(dataSource, "select max(seq) from ledger_entry");
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar(dataSource, "select last_seq from ledger_order_published") >= head);

        DataSource rebuilt = emptyLedgerDatabase();
        LedgerReplayer.Replay replay = replayer.replay("audit.ledger-order", rebuilt, "audit-ledger-chained");

        assertEquals(0, replay.mismatches(), replay.toString());
        Map<UUID, String> original = hashes(dataSource);
        Map<UUID, String> copy = hashes(rebuilt);
        assertTrue(copy.keySet().containsAll(published), "every event is in the rebuilt ledger");
        for (Map.Entry<UUID, String> entry : copy.entrySet()) {
            assertEquals(original.get(entry.getKey()), entry.getValue(), "entry and child hashes of event " + entry.getKey());
        }
        String rebuiltHead = new ArrayList<>(copy.values()).get(copy.size() - 1);
        assertEquals(replay.head(), rebuiltHead.split(" ")[0]);
        assertEquals(original.get(new ArrayList<>(copy.keySet()).get(copy.size() - 1)), rebuiltHead, "the same head");

        // Replaying again adds nothing: every event is already there.
        LedgerReplayer.Replay again = replayer.replay("audit.ledger-order", rebuilt, "audit-ledger-chained");
        assertEquals(0, again.appended());
    }

    static DataSource emptyLedgerDatabase() {
        String name = "audit_rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestInfrastructure.postgres().createDatabase(name);
        String url = TestInfrastructure.postgres().jdbcUrl(name);
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/platform", "classpath:db/migration")
                .placeholders(Map.of("appRole", "audit_app"))
                .load().migrate();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        return ds;
    }

    /** Each entry's event id and "entryHash childHash", in ledger order. */
    static Map<UUID, String> hashes(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select event_id, entry_hash, coalesce(child_hash, '-') from ledger_entry order by seq");
             ResultSet rs = ps.executeQuery()) {
            Map<UUID, String> found = new LinkedHashMap<>();
            while (rs.next()) {
                found.put(rs.getObject(1, UUID.class), rs.getString(2) + " " + rs.getString(3));
            }
            return found;
        }
    }

    static long scalar(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
