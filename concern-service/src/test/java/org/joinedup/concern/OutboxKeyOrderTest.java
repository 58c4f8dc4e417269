package org.joinedup.concern;

import org.flywaydb.core.Flyway;
import org.joinedup.platform.outbox.OutboxRelay;
import org.joinedup.testing.PostgresServer;
import org.joinedup.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances' outbox relays share one outbox (issue 16): each claims rows the other does not hold
 * (SKIP LOCKED), and a row whose message key has an earlier row held by the other waits for it, so a
 * child's events reach their partition in order. Driven with the relay's own claim on a database of
 * its own, where no running relay competes.
 */
class OutboxKeyOrderTest {
    static String url;

    @BeforeAll
    static void database() {
        PostgresServer pg = TestInfrastructure.postgres();
        pg.createDatabase("outbox_key_order");
        url = pg.jdbcUrl("outbox_key_order");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/platform").load().migrate();
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyOutbox() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); java.sql.Statement st = c.createStatement()) {
            st.execute("delete from outbox");
        }
    }

    @Test
    void a_keys_later_event_waits_while_another_relay_holds_its_earlier_one() throws Exception {
        String child = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        long first = append(child);
        long second = append(child);
        long unrelated = append(other);
        try (Connection relayA = connection(); Connection relayB = connection()) {
            OutboxRelay.Batch a = OutboxRelay.inKeyOrder(relayA, OutboxRelay.claim(relayA, 1));
            assertEquals(List.of(first), a.ids(), "relay A holds the child's first event");

            OutboxRelay.Batch claimedByB = OutboxRelay.claim(relayB, 500);
            assertEquals(List.of(second, unrelated), claimedByB.ids(),
                    "relay B skips what A holds");
            OutboxRelay.Batch b = OutboxRelay.inKeyOrder(relayB, claimedByB);
            assertEquals(List.of(unrelated), b.ids(),
                    "the child's second event waits for the first; another child's does not");
            relayB.rollback();

            // A publishes and deletes its row, then commits: now the second event may go.
            try (PreparedStatement delete = relayA.prepareStatement("delete from outbox where id = ?")) {
                delete.setLong(1, first);
                delete.executeUpdate();
            }
            relayA.commit();
            OutboxRelay.Batch later = OutboxRelay.inKeyOrder(relayB, OutboxRelay.claim(relayB, 500));
            assertEquals(List.of(second, unrelated), later.ids());
            relayB.rollback();
        }
    }

    @Test
    void a_single_relay_keeps_its_whole_batch() throws Exception {
        String child = UUID.randomUUID().toString();
        long first = append(child);
        long second = append(child);
        try (Connection relay = connection()) {
            OutboxRelay.Batch batch = OutboxRelay.inKeyOrder(relay, OutboxRelay.claim(relay, 500));
            assertEquals(List.of(first, second), batch.ids());
            relay.rollback();
        }
    }

    private static Connection connection() throws Exception {
        Connection c = DriverManager.getConnection(url, "postgres", "");
        c.setAutoCommit(false);
        return c;
    }

    /** A committed event and its outbox row, keyed by the child as the services key theirs. */
    private static long append(String child) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement e = c.prepareStatement("""
                     insert into event_store (event_id, stream_id, stream_version, event_type, schema_version, subject,
                                              payload, metadata, occurred_at, recorded_at)
                     values (?, ?, 1, 'concern-raised', 1, ?, '{}'::jsonb, '{"source":"/concern-service"}'::jsonb, now(), now())""");
             PreparedStatement o = c.prepareStatement(
                     "insert into outbox (event_id, topic, message_key) values (?, 'concerns.events', ?) returning id")) {
            e.setObject(1, eventId);
            e.setString(2, "concern-" + UUID.randomUUID());
            e.setString(3, child);
            e.executeUpdate();
            o.setObject(1, eventId);
            o.setString(2, child);
            try (ResultSet rs = o.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
