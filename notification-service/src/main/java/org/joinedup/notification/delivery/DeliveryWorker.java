package org.joinedup.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts pending deliveries to their subscriptions' callbacks, signed as Standard Webhooks says. At
 * least once: a delivery is leased (not locked) while it is sent, so a worker that dies mid-delivery
 * leaves it to be sent again when the lease runs out, and the receiver deduplicates by
 * {@code webhook-id}. Per subscription, a delivery about a child waits while an earlier one about the
 * same child is still pending, so order per child is kept. A failure is retried by
 * {@link RetrySchedule} for its window, then the delivery is marked failed. Instances share the
 * work by {@code FOR UPDATE SKIP LOCKED} on the claim.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final String CLAIM = """
            select d.id from delivery d join subscription s on s.id = d.subscription_id
            where d.status = 'pending' and d.next_attempt_at <= now()
              and (d.lease_until is null or d.lease_until < now()) and s.status = 'active'
              and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id
                              and e.order_key = d.order_key and e.status = 'pending' and e.seq < d.seq)
            order by d.seq
            limit 20
            for update of d skip locked""";

    private final Vertx vertx;
    private final WebClient client;
    private final Clock clock;
    private final Duration timeout;
    private final Duration lease;
    private final RetrySchedule schedule;
    private final MeterRegistry registry;
    private final Pool pool;
    private final PauseNotices notices;
    private final CallbackAddresses addresses;
    private final int pauseAfterFailures;
    private final Duration pauseAfter;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public DeliveryWorker(Vertx vertx, Pool pool, Clock clock, MeterRegistry registry, PauseNotices notices, CallbackAddresses addresses,
                          @ConfigProperty(name = "joinedup.notifications.pause-after-failures", defaultValue = "10") int pauseAfterFailures,
                          @ConfigProperty(name = "joinedup.notifications.pause-after", defaultValue = "6H") Duration pauseAfter,
                          @ConfigProperty(name = "joinedup.notifications.timeout", defaultValue = "10S") Duration timeout,
                          @ConfigProperty(name = "joinedup.notifications.lease", defaultValue = "60S") Duration lease,
                          @ConfigProperty(name = "joinedup.notifications.retry.first", defaultValue = "5S") Duration first,
                          @ConfigProperty(name = "joinedup.notifications.retry.longest", defaultValue = "1H") Duration longest,
                          @ConfigProperty(name = "joinedup.notifications.retry.window", defaultValue = "24H") Duration window) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 5_000)).setUserAgent("Joined-Up-Webhooks/1"));
        this.clock = clock;
        this.timeout = timeout;
        this.lease = lease;
        this.schedule = new RetrySchedule(first, longest, window);
        this.registry = registry;
        this.notices = notices;
        this.pool = pool;
        this.addresses = addresses;
        this.pauseAfterFailures = pauseAfterFailures;
        this.pauseAfter = pauseAfter;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Called after notifications were committed: send now rather than at the next sweep. The sweep
     * runs on a context of its own, never on the caller's (a reactive session belongs to one context).
     */
    public void wake() {
        OwnContext.run(vertx, "delivery sweep", this::sweep);
    }

    /**
     * Every second, and on wake: claim what is due, load it, post every claimed delivery at once (no
     * database work while waiting for receivers), then record the outcomes one after another.
     */
    @Scheduled(every = "${joinedup.notifications.sweep-every:1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::claim)
                .flatMap(this::load)
                .flatMap(outgoing -> outgoing.isEmpty() ? Uni.createFrom().item(List.<Outcome>of())
                        : Uni.join().all(outgoing.stream().map(this::post).toList()).andFailFast())
                .flatMap(this::recordAll)
                .eventually(() -> running.set(false))
                .invoke(sent -> {
                    if (sent >= 20 || again.getAndSet(false)) {
                        wake();
                    }
                })
                .replaceWithVoid();
    }

    /** The due deliveries, leased to this worker: one statement, committed on its own. */
    Uni<List<UUID>> claim() {
        OffsetDateTime until = OffsetDateTime.ofInstant(clock.instant().plus(lease), ZoneOffset.UTC);
        return pool.preparedQuery("with due as (" + CLAIM + ") update delivery set lease_until = $1 from due "
                        + "where delivery.id = due.id returning delivery.id")
                .execute(Tuple.of(until))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    /** The claimed deliveries with what posting and recording them needs, in one query. */
    private Uni<List<Outgoing>> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        select d.id, d.attempts, d.retry_from, d.subscription_id, n.id, n.body, s.callback_url, s.secret,
                               s.previous_secret, s.previous_secret_expires_at
                        from delivery d join notification n on n.id = d.notification_id join subscription s on s.id = d.subscription_id
                        where d.id = any($1) order by d.seq""")
                .execute(Tuple.of(ids.toArray(new UUID[0])))
                .map(rows -> {
                    List<Outgoing> out = new ArrayList<>();
                    Instant now = clock.instant();
                    for (Row r : rows) {
                        OffsetDateTime previousExpires = r.getOffsetDateTime(9);
                        List<String> secrets = r.getString(8) != null && previousExpires != null
                                && now.isBefore(previousExpires.toInstant()) ? List.of(r.getString(7), r.getString(8))
                                : List.of(r.getString(7));
                        out.add(new Outgoing(r.getUUID(0), r.getInteger(1), r.getOffsetDateTime(2).toInstant(), r.getUUID(3),
                                r.getUUID(4), r.getString(5), r.getString(6), secrets));
                    }
                    return out;
                });
    }

    private record Outgoing(UUID deliveryId, int attempts, Instant retryFrom, UUID subscriptionId, UUID notificationId,
                            String body, String callbackUrl, List<String> secrets) {
    }

    /** What one attempt got: a status code, or the kind of failure when there was no answer. */
    private record Outcome(Outgoing delivery, Integer status, String error, int durationMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Uni<Outcome> post(Outgoing o) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String id = o.notificationId().toString();
        String signature = WebhookSignature.header(o.secrets(), id, timestamp, o.body());
        long started = System.nanoTime();
        URI callback = URI.create(o.callbackUrl());
        return addresses.refusal(callback).flatMap(refused -> refused.isPresent()
                ? Uni.createFrom().item(new Outcome(o, null, refused.get(), (int) ((System.nanoTime() - started) / 1_000_000)))
                : send(o, callback, id, timestamp, signature, started));
    }

    private Uni<Outcome> send(Outgoing o, URI callback, String id, long timestamp, String signature, long started) {
        return client.requestAbs(HttpMethod.POST, callback.toString())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .sendBuffer(Buffer.buffer(o.body()))
                .onItemOrFailure().transform((HttpResponse<Buffer> response, Throwable failure) -> new Outcome(o,
                        response == null ? null : response.statusCode(),
                        failure == null ? null : failure.getClass().getSimpleName(), (int) ((System.nanoTime() - started) / 1_000_000)));
    }

    /**
     * The outcomes of a batch, in one transaction: each delivery delivered, rescheduled or failed after
     * its window, each attempt logged, each subscription's run of failures counted (statements batched).
     */
    private Uni<Integer> recordAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Tuple> attempts = new ArrayList<>();
        List<Tuple> deliveries = new ArrayList<>();
        Map<UUID, int[]> bySubscription = new LinkedHashMap<>(); // {failures since the last success, any success}
        Map<UUID, String> lastError = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            boolean delivered = o.delivered();
            registry.counter("joinedup.notifications.attempts", "outcome", delivered ? "delivered" : "failed").increment();
            String error = delivered ? null : o.error() != null ? o.error() : "answered " + o.status();
            attempts.add(Tuple.of(o.delivery().deliveryId(), at, o.status(), error, o.durationMs()));
            int count = o.delivery().attempts() + 1;
            String status = "pending";
            OffsetDateTime next = null;
            if (delivered) {
                status = "delivered";
            } else {
                Instant retry = schedule.next(count, o.delivery().retryFrom(), now, () -> ThreadLocalRandom.current().nextDouble());
                if (retry == null) {
                    status = "failed";
                } else {
                    next = OffsetDateTime.ofInstant(retry, ZoneOffset.UTC);
                }
            }
            deliveries.add(Tuple.tuple().addUUID(o.delivery().deliveryId()).addInteger(count).addInteger(o.status()).addString(error)
                    .addString(status).addOffsetDateTime(delivered ? at : null).addOffsetDateTime(next));
            int[] run = bySubscription.computeIfAbsent(o.delivery().subscriptionId(), k -> new int[2]);
            if (delivered) {
                run[0] = 0;
                run[1] = 1;
            } else {
                run[0]++;
                lastError.put(o.delivery().subscriptionId(), error);
            }
        }
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into delivery_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                                values ($1, $2, $3, $4, $5)""").executeBatch(attempts)
                        .flatMap(x -> conn.preparedQuery("""
                                update delivery set attempts = $2, last_status_code = $3, last_error = $4, lease_until = null,
                                       status = $5, delivered_at = coalesce($6::timestamptz, delivered_at),
                                       next_attempt_at = coalesce($7::timestamptz, next_attempt_at)
                                where id = $1""").executeBatch(deliveries))
                        .flatMap(x -> subscriptions(conn, bySubscription, lastError, at)))
                .map(x -> outcomes.size());
    }

    /**
     * Each subscription's run of failures: reset by a success (to the failures after it), lengthened
     * by failures; one that has failed {@code pause-after-failures} times in a row for at least
     * {@code pause-after} is paused and its agency told (a webhook-subscription-paused event,
     * published by {@link PauseNotices}). Its deliveries wait.
     */
    private Uni<Void> subscriptions(io.vertx.mutiny.sqlclient.SqlConnection conn, Map<UUID, int[]> runs, Map<UUID, String> lastError,
                                    OffsetDateTime at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, int[]> e : runs.entrySet()) {
            UUID id = e.getKey();
            int failures = e.getValue()[0];
            boolean succeeded = e.getValue()[1] == 1;
            if (succeeded) {
                chain = chain.flatMap(x -> conn.preparedQuery("""
                                update subscription set consecutive_failures = $2::integer,
                                       failing_since = case when $2::integer > 0 then $3::timestamptz else null end,
                                       last_error = case when $2::integer > 0 then $4::text else null end
                                where id = $1""")
                        .execute(Tuple.of(id, failures, at, lastError.get(id))).replaceWithVoid());
            } else {
                chain = chain.flatMap(x -> conn.preparedQuery("""
                                update subscription set consecutive_failures = consecutive_failures + $2,
                                       failing_since = coalesce(failing_since, $3), last_error = $4
                                where id = $1""")
                        .execute(Tuple.of(id, failures, at, lastError.get(id))).replaceWithVoid());
            }
            if (failures > 0) {
                chain = chain.flatMap(x -> conn.preparedQuery(PAUSE).execute(Tuple.of(at, UUID.randomUUID(), id, pauseAfterFailures,
                                at.minus(pauseAfter)))
                        .invoke(rows -> {
                            if (rows.rowCount() > 0) {
                                registry.counter("joinedup.notifications.subscriptions.paused").increment();
                                LOG.warnf("subscription %s paused: its callback kept failing", id);
                                notices.wake();
                            }
                        }).replaceWithVoid());
            }
        }
        return chain;
    }

    static final String PAUSE = """
            update subscription set status = 'paused', paused_at = $1, pause_notice_id = $2, pause_notice_sent_at = null,
                   paused_reason = 'paused automatically: ' || consecutive_failures || ' attempts failed in a row since '
                       || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                       || coalesce(' (last: ' || last_error || ')', '')
            where id = $3 and status = 'active' and consecutive_failures >= $4 and failing_since <= $5""";
}
