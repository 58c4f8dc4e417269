package org.joinedup.concern;

import org.joinedup.testing.TestNhsNumbers;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.testing.KafkaBroker;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay publishes every committed event, whatever order transactions commit in and whatever the broker does. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class OutboxRelayTest {
    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void an_event_whose_transaction_commits_late_with_a_lower_id_is_still_published() throws Exception {
        UUID lateEventId = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.from(Topics.CONCERNS);
             Connection slow = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            slow.setAutoCommit(false);
            long lateOutboxId = appendInOpenTransaction(slow, lateEventId);

            // A later transaction takes a higher outbox id, commits and is published first.
            String laterEventId = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect",
                    "2026-11-19T08:00:00Z")).statusCode(201).extract().path("eventId");
            probe.await(KafkaProbe.withHeader(CloudEventHeaders.CE_ID, laterEventId), Duration.ofSeconds(30));
            assertTrue(maxOutboxIdEverUsed() > lateOutboxId, "the later transaction used a higher id");

            slow.commit();
            probe.await(KafkaProbe.withHeader(CloudEventHeaders.CE_ID, lateEventId.toString()), Duration.ofSeconds(30));
        }
    }

    @Test
    void with_the_broker_down_concerns_are_still_accepted_and_published_once_it_returns() throws Exception {
        KafkaBroker broker = TestInfrastructure.kafka();
        List<String> eventIds;
        try (KafkaProbe probe = KafkaProbe.from(Topics.CONCERNS)) {
            broker.stop();
            try {
                eventIds = List.of(
                        raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z"))
                                .statusCode(201).extract().path("eventId"),
                        raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "self-harm", "2026-11-19T09:00:00Z"))
                                .statusCode(201).extract().path("eventId"));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> outboxHolds(eventIds));
            } finally {
                broker.startProcess();
            }
            for (String id : eventIds) {
                probe.await(KafkaProbe.withHeader(CloudEventHeaders.CE_ID, id), Duration.ofSeconds(60));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !outboxHoldsAny(eventIds));
    }

    private long appendInOpenTransaction(Connection c, UUID eventId) throws Exception {
        UUID child = UUID.randomUUID();
        Instant now = Instant.now();
        ConcernRaised raised = new ConcernRaised(UUID.randomUUID(), child, POLICE, "p",
                new ChildIdentification("9434765919", null, null, null, null), "neglect", List.of(), "low",
                "d", null, now.minusSeconds(60), now);
        try (PreparedStatement e = c.prepareStatement("""
                insert into event_store (event_id, stream_id, stream_version, event_type, schema_version, subject,
                                         payload, metadata, occurred_at, recorded_at)
                values (?, ?, 1, 'concern-raised', 1, ?, ?::jsonb, ?::jsonb, ?, ?)""");
             PreparedStatement o = c.prepareStatement(
                     "insert into outbox (event_id, topic, message_key) values (?, ?, ?) returning id")) {
            e.setObject(1, eventId);
            e.setString(2, "concern-" + raised.concernId());
            e.setString(3, child.toString());
            e.setString(4, EventJson.write(raised));
            e.setString(5, "{\"source\":\"/concern-service\",\"agencyId\":\"" + POLICE + "\",\"actorId\":\"p\"}");
            e.setTimestamp(6, Timestamp.from(raised.occurredAt()));
            e.setTimestamp(7, Timestamp.from(now));
            e.executeUpdate();
            o.setObject(1, eventId);
            o.setString(2, Topics.CONCERNS);
            o.setString(3, child.toString());
            try (ResultSet rs = o.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long maxOutboxIdEverUsed() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select last_value from outbox_id_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean outboxHolds(List<String> eventIds) throws Exception {
        return outboxCount(eventIds) == eventIds.size();
    }

    private boolean outboxHoldsAny(List<String> eventIds) throws Exception {
        return outboxCount(eventIds) > 0;
    }

    private long outboxCount(List<String> eventIds) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox where event_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(false, rs.wasNull());
                return rs.getLong(1);
            }
        }
    }
}
