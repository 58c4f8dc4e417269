package org.joinedup.notification.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An agency's notifications as they commit, for the console's live feed. Every instance listens on
 * PostgreSQL's {@code joinedup_notification} channel (a trigger signals each agency whose notification
 * committed), so a stream opened on one instance hears what another instance's intake made. A stream
 * reads from its last sequence number on each signal, and every {@code heartbeat} too, so a signal
 * lost while the listener reconnected costs at most one heartbeat's delay, never a notification.
 */
@ApplicationScoped
public class LiveNotifications {
    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);
    static final String CHANNEL = "joinedup_notification";

    /** A notification as an agency's leads read it. */
    public record Item(long seq, UUID id, String kind, UUID childId, String headline, String resourceType, UUID resourceId,
                       OffsetDateTime createdAt) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private final Duration heartbeat;
    private final BroadcastProcessor<String> signals = BroadcastProcessor.create();
    private PgSubscriber subscriber;

    public LiveNotifications(Vertx vertx, Pool pool,
                             @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") String username,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                             @ConfigProperty(name = "joinedup.notifications.live.heartbeat", defaultValue = "15S") Duration heartbeat) {
        this.vertx = vertx;
        this.pool = pool;
        this.url = url;
        this.username = username;
        this.password = password;
        this.heartbeat = heartbeat;
    }

    void start(@Observes StartupEvent start) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(username);
        password.filter(p -> !p.isEmpty()).ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1_000L); // keep trying every second while the database is away
        subscriber.channel(CHANNEL).handler(signals::onNext);
        subscriber.connect().subscribe().with(x -> LOG.debug("listening for notifications"),
                e -> LOG.warnf("not listening for notifications yet (%s); streams still read every %s", e.getClass().getName(), heartbeat));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    /** The highest sequence number among the agency's notifications, 0 for none. */
    public Uni<Long> latest(String agencyId) {
        return pool.preparedQuery("select coalesce(max(seq), 0) from notification where agency_id = $1")
                .execute(Tuple.of(agencyId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The agency's notifications after {@code after}, oldest first, at most {@code limit}. */
    public Uni<List<Item>> after(String agencyId, long after, int limit) {
        return query("where agency_id = $1 and seq > $2 order by seq limit $3", Tuple.of(agencyId, after, limit));
    }

    /** The agency's notifications older than a sequence number, newest first: the next page back. */
    public Uni<List<Item>> before(String agencyId, long before, int limit) {
        return query("where agency_id = $1 and seq < $2 order by seq desc limit $3", Tuple.of(agencyId, before, limit));
    }

    /** The agency's newest notifications, newest first. */
    public Uni<List<Item>> newest(String agencyId, int limit) {
        return query("where agency_id = $1 order by seq desc limit $2", Tuple.of(agencyId, limit));
    }

    private Uni<List<Item>> query(String where, Tuple args) {
        return pool.preparedQuery("select seq, id, kind, child_id, body, created_at from notification " + where).execute(args)
                .map(rows -> {
                    List<Item> items = new ArrayList<>();
                    for (Row r : rows) {
                        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(r.getString("body"));
                        io.vertx.core.json.JsonObject data = body.getJsonObject("data", new io.vertx.core.json.JsonObject());
                        io.vertx.core.json.JsonObject resource = data.getJsonObject("resource");
                        items.add(new Item(r.getLong("seq"), r.getUUID("id"), r.getString("kind"), r.getUUID("child_id"),
                                data.getString("headline"), resource == null ? null : resource.getString("type"),
                                resource == null ? null : UUID.fromString(resource.getString("id")), r.getOffsetDateTime("created_at")));
                    }
                    return items;
                });
    }

    /**
     * The agency's notifications after {@code after}, then each as it commits, for as long as the
     * subscriber stays and at most {@code lasting}. A {@code null} item is a heartbeat: nothing new.
     */
    public Multi<Item> follow(String agencyId, long after, Duration lasting) {
        long[] last = {after};
        Multi<Object> ticks = Multi.createBy().merging().streams(
                Multi.createFrom().item(Boolean.TRUE),
                signals.filter(agencyId::equals).map(x -> (Object) x).onOverflow().drop(),
                Multi.createFrom().ticks().every(heartbeat).map(x -> (Object) x).onOverflow().drop());
        return ticks
                .select().first(lasting)
                .onItem().transformToUni(tick -> after(agencyId, last[0], 100).map(items -> {
                    if (!items.isEmpty()) {
                        last[0] = items.get(items.size() - 1).seq();
                    }
                    return items;
                })).concatenate()
                .onItem().transformToMultiAndConcatenate(items -> items.isEmpty()
                        ? Multi.createFrom().item(HEARTBEAT) : Multi.createFrom().iterable(items));
    }

    /** Stands for "nothing new" in {@link #follow}: sent to the client as an SSE comment that keeps the connection open. */
    public static final Item HEARTBEAT = new Item(-1, null, null, null, null, null, null, null);
}
