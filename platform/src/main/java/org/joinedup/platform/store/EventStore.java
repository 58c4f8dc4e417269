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
 * The service's append-only event store. {@link #append} writes the event rows and their outbox rows
 * in the caller's transaction, so either both are durable or neither is.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final DataSource dataSource;
    private final Clock clock;
    private final String source;

    @jakarta.inject.Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @jakarta.inject.Inject
    org.joinedup.platform.outbox.OutboxRelay relay;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<EventsAppended> appended;

    public EventStore(DataSource dataSource, Clock clock,
                      @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /** Once per transaction: when it commits, the relay publishes at once instead of at its next poll. */
    private void wakeRelayAfterCommit() {
        if (transactions == null || relay == null || transactions.getResource(WAKE_RELAY_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_RELAY_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private static final Object WAKE_RELAY_REGISTERED = new Object();

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
            wakeRelayAfterCommit();
            if (appended != null) {
                appended.fire(new EventsAppended(List.copyOf(stored)));
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

    /**
     * The whole command cycle on one stream, in the caller's transaction: read the stream, let
     * {@code decider} turn the past events and the current instant into new events (its refusals,
     * such as 404 for a record the caller may not see, come first), check {@code If-Match} against
     * the stream's version (412), append. An empty decision appends nothing (an idempotent repeat).
     *
     * @return the events appended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> decide(String streamId, String ifMatch, EventMetadata metadata,
                                    java.util.function.BiFunction<List<EventPayload>, Instant, List<? extends EventPayload>> decider) {
        return decision(streamId, ifMatch, metadata, decider).appended();
    }

    /** What {@link #decision} read and appended: the stream as it now is, without reading it again. */
    public record Decision(List<StoredEvent> past, List<StoredEvent> appended) {
        /** Every event of the stream after the decision, oldest first. */
        public List<EventPayload> events() {
            List<EventPayload> all = new ArrayList<>(past.size() + appended.size());
            past.forEach(e -> all.add(e.payload()));
            appended.forEach(e -> all.add(e.payload()));
            return all;
        }

        public boolean changed() {
            return !appended.isEmpty();
        }
    }

    /** {@link #decide}, answering the stream as it now is too, for a read model to be refreshed from. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision decision(String streamId, String ifMatch, EventMetadata metadata,
                             java.util.function.BiFunction<List<EventPayload>, Instant, List<? extends EventPayload>> decider) {
        List<StoredEvent> past = readStream(streamId);
        Instant now = now();
        List<? extends EventPayload> events = decider.apply(past.stream().map(StoredEvent::payload).toList(), now);
        org.joinedup.platform.http.IfMatch.check(ifMatch, past.size());
        return new Decision(past, events.isEmpty() ? List.of() : append(streamId, past.size(), events, metadata, now));
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
