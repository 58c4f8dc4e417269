package org.joinedup.platform.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.EventType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service's append-only event store: persistence only. {@link #append} writes the event rows and
 * their outbox rows in the caller's transaction, so either both are durable or neither is; a second
 * writer at the same version fails on the stream's unique version ({@link StreamVersionConflict}).
 * Commands reach it through {@code platform.command.CommandHandler}, which decides first; the store
 * knows nothing of deciders, HTTP or the relay.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final DataSource dataSource;
    private final Clock clock;
    private final String source;

    public EventStore(DataSource dataSource, Clock clock,
                      @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /** The instant to record events at: the database keeps microseconds, so the event store does too. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Appends events to a stream, expecting it to be at {@code expectedVersion} (0 for a new stream).
     *
     * @param recordedAt when the command was decided (from {@link #now()}), the same instant a payload
     *                   that carries its recording time holds
     * @throws StreamVersionConflict when another writer got there first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> append(String streamId, int expectedVersion, List<? extends EventPayload> events,
                                    EventMetadata metadata, Instant recordedAt) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        // The event and its outbox row go in as one statement: one round trip per event, not two.
        try (Connection c = dataSource.getConnection();
             PreparedStatement insertEvent = c.prepareStatement("""
                     with event as (
                         insert into event_store (event_id, stream_id, stream_version, event_type, schema_version,
                                                  subject, payload, metadata, occurred_at, recorded_at)
                         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                         returning global_position, event_id
                     ), outbox_row as (
                         insert into outbox (event_id, topic, message_key) select event_id, ?, ? from event
                     )
                     select global_position from event""")) {
            int version = expectedVersion;
            for (EventPayload payload : events) {
                version++;
                EventType type = payload.eventType();
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), source, type.typeName(),
                        payload.subject(), payload.occurredAt(), type.schemaVersion(), metadata.agencyId(),
                        metadata.actorId(), metadata.correlationId(), metadata.causationId(), recordedAt);
                insertEvent.setObject(1, envelope.id());
                insertEvent.setString(2, streamId);
                insertEvent.setInt(3, version);
                insertEvent.setString(4, type.typeName());
                insertEvent.setInt(5, type.schemaVersion());
                insertEvent.setString(6, envelope.subject());
                insertEvent.setString(7, EventJson.write(payload));
                insertEvent.setString(8, metadataJson(envelope));
                insertEvent.setTimestamp(9, Timestamp.from(envelope.time()));
                insertEvent.setTimestamp(10, Timestamp.from(recordedAt));
                insertEvent.setString(11, type.topic());
                insertEvent.setString(12, envelope.subject());
                long position;
                try (ResultSet rs = insertEvent.executeQuery()) {
                    rs.next();
                    position = rs.getLong(1);
                }
                stored.add(new StoredEvent(position, streamId, version, envelope, payload, recordedAt));
            }
            return stored;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())
                    && String.valueOf(e.getMessage()).contains("event_store_stream_version_unique")) {
                throw new StreamVersionConflict(streamId, expectedVersion);
            }
            throw new IllegalStateException("could not append to the event store (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Every event of a stream, oldest first; empty when the stream does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> readStream(String streamId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select global_position, stream_id, stream_version, event_id, event_type, schema_version, subject,
                            payload::text, metadata::text, occurred_at, recorded_at
                     from event_store where stream_id = ? order by stream_version""")) {
            ps.setString(1, streamId);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static StoredEvent read(ResultSet rs) throws SQLException {
        EventEnvelope envelope = envelope(rs);
        return new StoredEvent(rs.getLong("global_position"), rs.getString("stream_id"), rs.getInt("stream_version"),
                envelope, EventJson.read(envelope.type(), envelope.schemaVersion(), rs.getString("payload")),
                rs.getTimestamp("recorded_at").toInstant());
    }

    /**
     * The CloudEvents envelope of an event-store row; the row must have event_id, event_type,
     * schema_version, subject, metadata (as text), occurred_at and recorded_at.
     */
    public static EventEnvelope envelope(ResultSet rs) throws SQLException {
        Map<String, String> meta = metadata(rs.getString("metadata"));
        String type = rs.getString("event_type");
        int schemaVersion = rs.getInt("schema_version");
        return new EventEnvelope(
                rs.getObject("event_id", UUID.class),
                meta.get("source"),
                type,
                rs.getString("subject"),
                rs.getTimestamp("occurred_at").toInstant(),
                schemaVersion,
                meta.get("agencyId"),
                meta.get("actorId"),
                uuid(meta.get("correlationId")),
                uuid(meta.get("causationId")),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static String metadataJson(EventEnvelope e) {
        var node = JSON.createObjectNode();
        node.put("source", e.source());
        node.put("agencyId", e.agencyId());
        node.put("actorId", e.actorId());
        node.put("correlationId", e.correlationId() == null ? null : e.correlationId().toString());
        node.put("causationId", e.causationId() == null ? null : e.causationId().toString());
        return node.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> metadata(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable event metadata", e);
        }
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }
}
