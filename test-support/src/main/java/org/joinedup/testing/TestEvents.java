package org.joinedup.testing;

import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events for tests: published onto the test broker as their producer would, and read back from an event store. */
public final class TestEvents {
    private TestEvents() {
    }

    /** Publishes the event on its topic, keyed by its subject, with CloudEvents headers; returns its envelope. */
    public static EventEnvelope publish(EventPayload event, String source) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), source, event.eventType().typeName(),
                event.subject(), event.occurredAt(), event.eventType().schemaVersion(), null, "test", UUID.randomUUID(),
                null, event.occurredAt());
        republish(envelope, event);
        return envelope;
    }

    /** Publishes the event again with the given envelope (as a producer's retry would). */
    public static void republish(EventEnvelope envelope, EventPayload event) {
        KafkaProbe.produce(event.eventType().topic(), event.subject(), EventJson.write(event),
                CloudEventHeaders.toHeaders(envelope));
    }

    /** The event types of one stream in a service's event store, in stream order. */
    public static List<String> types(DataSource dataSource, String streamId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select event_type from event_store where stream_id = ? order by stream_version")) {
            ps.setString(1, streamId);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stream " + streamId, e);
        }
    }

    /**
     * The record-accessed events a service wrote about one child, oldest first, each as
     * {@code agency what actor purpose} (purpose {@code -} when not stated).
     */
    public static List<String> accesses(DataSource dataSource, String childId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select payload->>'agencyId', payload->>'what', payload->>'actorId', coalesce(payload->>'purpose', '-')
                     from event_store where event_type = 'record-accessed' and subject = ? order by global_position""")) {
            ps.setString(1, childId);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the access records of child " + childId, e);
        }
    }
}
