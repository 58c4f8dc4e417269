package org.joinedup.needtoknow;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.EventType;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;

/**
 * Fills the need-to-know read model, once per database, from the service's own events that were
 * written before it existed (an upgrade): they are in the event store and will not come again. The
 * other services' events need nothing: this read model's consumer group is new, so it reads their
 * topics from the start (their retention is unlimited). Serialised across instances by an advisory lock.
 */
@ApplicationScoped
public class RelationshipBackfill {
    private static final Logger LOG = Logger.getLogger(RelationshipBackfill.class);
    /** The event types the projection uses; the rest of the store is not read. */
    static final List<String> TYPES = List.of("concern-raised", "child-registered", "information-shared",
            "information-share-declined", "referral-made", "team-around-child-formed", "member-added", "member-left",
            "emergency-access-granted", "child-records-linked", "child-records-unlinked");
    private static final long LOCK = 0x6e746b6261636bL;
    private final DataSource dataSource;
    private final RelationshipProjection projection;
    private final RelationshipEvents events;

    public RelationshipBackfill(DataSource dataSource, RelationshipProjection projection, RelationshipEvents events) {
        this.dataSource = dataSource;
        this.projection = projection;
        this.events = events;
    }

    void onStart(@Observes StartupEvent ignored) {
        backfill();
    }

    /** Replays the service's own past events into the read model, unless that was done before. */
    @Transactional
    public void backfill() {
        Jdbc.query(dataSource, "select pg_advisory_xact_lock(?)", rs -> null, LOCK);
        if (!Jdbc.query(dataSource, "select 1 from ntk_backfill", rs -> true).isEmpty()) {
            return;
        }
        // Only the types this service produces itself: the others come from their topics.
        Set<String> consumed = events.topics();
        List<String> own = TYPES.stream().filter(t -> EventType.byTypeName(t).map(EventType::topic)
                .filter(topic -> !consumed.contains(topic)).isPresent()).toList();
        long[] applied = {0};
        if (!own.isEmpty()) {
            Jdbc.query(dataSource, """
                    select event_type, schema_version, payload::text from event_store
                    where event_type = any(?::text[]) order by global_position""", rs -> {
                EventPayload payload = EventJson.read(rs.getString(1), rs.getInt(2), rs.getString(3));
                projection.apply(payload);
                applied[0]++;
                return null;
            }, "{" + String.join(",", own) + "}");
        }
        Jdbc.update(dataSource, "insert into ntk_backfill (id, done_at, events) values (1, now(), ?)", applied[0]);
        if (applied[0] > 0) {
            LOG.infof("need to know: %d of this service's own past events applied to the read model", applied[0]);
        }
    }
}
