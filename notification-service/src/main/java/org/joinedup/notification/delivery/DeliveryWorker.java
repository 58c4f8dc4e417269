package org.joinedup.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.notification.notify.Notification;
import org.joinedup.notification.subscription.Subscription;

import java.net.URI;
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
    private final PauseNotices notices;
    private final CallbackAddresses addresses;
    private final int pauseAfterFailures;
    private final Duration pauseAfter;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public DeliveryWorker(Vertx vertx, Clock clock, MeterRegistry registry, PauseNotices notices, CallbackAddresses addresses,
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
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> sweep().subscribe().with(x -> { }, e -> LOG.warnf("delivery sweep failed (%s)", e.getClass().getName())));
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

    /** The due deliveries, leased to this worker. */
    Uni<List<UUID>> claim() {
        Instant until = clock.instant().plus(lease);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                session.createNativeQuery(CLAIM, UUID.class).getResultList()
                        .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(ids)
                                : Delivery.update("leaseUntil = ?1 where id in ?2", until, ids).map(n -> ids))));
    }

    /** The claimed deliveries with their notification and subscription, read one after another in one session. */
    private Uni<List<Outgoing>> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> io.smallrye.mutiny.Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> Delivery.<Delivery>findById(id).flatMap(d ->
                        Notification.<Notification>findById(d.notificationId).flatMap(n ->
                                Subscription.<Subscription>findById(d.subscriptionId).map(s -> new Outgoing(d.id, n, s)))))
                .collect().asList());
    }

    private record Outgoing(UUID deliveryId, Notification notification, Subscription subscription) {
    }

    /** What one attempt got: a status code, or the kind of failure when there was no answer. */
    private record Outcome(UUID deliveryId, Integer status, String error, int durationMs) {
    }

    private Uni<Outcome> post(Outgoing o) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String id = o.notification().id.toString();
        String signature = WebhookSignature.header(o.subscription().signingSecrets(now), id, timestamp, o.notification().body);
        long started = System.nanoTime();
        URI callback = URI.create(o.subscription().callbackUrl);
        return addresses.refusal(callback).flatMap(refused -> refused.isPresent()
                ? Uni.createFrom().item(new Outcome(o.deliveryId(), null, refused.get(), (int) ((System.nanoTime() - started) / 1_000_000)))
                : send(o, callback, id, timestamp, signature, started));
    }

    private Uni<Outcome> send(Outgoing o, URI callback, String id, long timestamp, String signature, long started) {
        return client.requestAbs(HttpMethod.POST, callback.toString())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .sendBuffer(Buffer.buffer(o.notification().body))
                .onItemOrFailure().transform((HttpResponse<Buffer> response, Throwable failure) -> new Outcome(o.deliveryId(),
                        response == null ? null : response.statusCode(),
                        failure == null ? null : failure.getClass().getSimpleName(), (int) ((System.nanoTime() - started) / 1_000_000)));
    }

    private Uni<Integer> recordAll(List<Outcome> outcomes) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(outcomes)
                .onItem().transformToUniAndConcatenate(o -> record(o.deliveryId(), o.status(), o.error(), o.durationMs()))
                .collect().asList().map(List::size);
    }

    /** The outcome of one attempt: delivered on 2xx; otherwise the next attempt, or failed after the window. */
    private Uni<Void> record(UUID deliveryId, Integer status, String error, int durationMs) {
        boolean delivered = status != null && status >= 200 && status < 300;
        registry.counter("joinedup.notifications.attempts", "outcome", delivered ? "delivered" : "failed").increment();
        return Panache.withTransaction(() -> Delivery.<Delivery>findById(deliveryId).flatMap(d -> {
            Instant now = clock.instant();
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.deliveryId = d.id;
            attempt.attemptedAt = now;
            attempt.statusCode = status;
            attempt.error = error;
            attempt.durationMs = durationMs;
            d.attempts++;
            d.lastStatusCode = status;
            d.lastError = delivered ? null : error != null ? error : "answered " + status;
            d.leaseUntil = null;
            if (delivered) {
                d.status = "delivered";
                d.deliveredAt = now;
            } else {
                Instant next = schedule.next(d.attempts, d.retryFrom, now, () -> ThreadLocalRandom.current().nextDouble());
                if (next == null) {
                    d.status = "failed";
                } else {
                    d.nextAttemptAt = next;
                }
            }
            // Bulk updates, not the entity: deliveries to one subscription are recorded concurrently by instances.
            Uni<Void> counted = attempt.persist().flatMap(x -> delivered
                    ? Subscription.update("consecutiveFailures = 0, failingSince = null, lastError = null where id = ?1", d.subscriptionId)
                    : Subscription.update("consecutiveFailures = consecutiveFailures + 1, failingSince = coalesce(failingSince, ?2), "
                    + "lastError = ?3 where id = ?1", d.subscriptionId, now, d.lastError)).replaceWithVoid();
            return delivered ? counted : counted.flatMap(x -> pauseIfFailing(d.subscriptionId, now));
        }));
    }

    /**
     * A subscription whose attempts have all failed for {@code pause-after} and at least
     * {@code pause-after-failures} times in a row is paused, and its agency is told (a
     * webhook-subscription-paused event, published by {@link PauseNotices}). Its deliveries wait.
     */
    private Uni<Void> pauseIfFailing(UUID subscriptionId, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(PAUSE)
                        .setParameter("notice", UUID.randomUUID()).setParameter("now", now).setParameter("id", subscriptionId)
                        .setParameter("failures", pauseAfterFailures).setParameter("since", now.minus(pauseAfter))
                        .executeUpdate())
                .invoke(paused -> {
                    if (paused > 0) {
                        registry.counter("joinedup.notifications.subscriptions.paused").increment();
                        LOG.warnf("subscription %s paused: its callback kept failing", subscriptionId);
                        notices.wake();
                    }
                })
                .replaceWithVoid();
    }

    static final String PAUSE = """
            update subscription set status = 'paused', paused_at = :now, pause_notice_id = :notice, pause_notice_sent_at = null,
                   paused_reason = 'paused automatically: ' || consecutive_failures || ' attempts failed in a row since '
                       || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                       || coalesce(' (last: ' || last_error || ')', '')
            where id = :id and status = 'active' and consecutive_failures >= :failures and failing_since <= :since""";
}
