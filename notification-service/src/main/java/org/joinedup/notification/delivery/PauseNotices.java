package org.joinedup.notification.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.notification.WebhookSubscriptionPaused;
import org.joinedup.notification.subscription.Subscription;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells an agency that its subscription was paused automatically: a {@code webhook-subscription-paused}
 * event on {@code notifications.events}, which concern-service puts in the agency's inbox. The pause
 * and the notice's id are committed together; the event is published from here until the broker
 * acknowledged it, then marked sent (an outbox in the subscription row). Published again after a
 * crash, it carries the same id, which consumers deduplicate.
 */
@ApplicationScoped
public class PauseNotices {
    private static final Logger LOG = Logger.getLogger(PauseNotices.class);

    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public PauseNotices(@Channel("subscription-notices") MutinyEmitter<String> emitter, Vertx vertx, Clock clock) {
        this.emitter = emitter;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Publish now rather than at the next sweep, on a context of its own. */
    public void wake() {
        OwnContext.run(vertx, "publishing pause notices", this::sweep);
    }

    // Delayed: the emitter's channel is wired once the application has started.
    @Scheduled(every = "${joinedup.notifications.notice-sweep-every:10S}", delayed = "5S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Subscription.<Subscription>list("pauseNoticeId is not null and pauseNoticeSentAt is null"))
                .flatMap(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(this::publish)
                        .collect().asList())
                .eventually(() -> running.set(false))
                .replaceWithVoid();
    }

    private Uni<Void> publish(Subscription s) {
        WebhookSubscriptionPaused paused = new WebhookSubscriptionPaused(s.id, s.agencyId, URI.create(s.callbackUrl).getHost(),
                s.consecutiveFailures, s.failingSince, s.lastError, s.pausedAt);
        EventEnvelope envelope = new EventEnvelope(s.pauseNoticeId, "/notification-service", paused.eventType().typeName(),
                paused.subject(), paused.occurredAt(), paused.eventType().schemaVersion(), s.agencyId, "notification-service",
                s.pauseNoticeId, null, clock.instant());
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.toHeaders(envelope).forEach(headers::add);
        Message<String> message = Message.of(EventJson.write(paused)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(s.agencyId).withHeaders(headers).build());
        return emitter.sendMessage(message)
                .flatMap(x -> Panache.withTransaction(() -> Subscription.update(
                        "pauseNoticeSentAt = ?1 where id = ?2 and pauseNoticeId = ?3", clock.instant(), s.id, s.pauseNoticeId)))
                .invoke(x -> LOG.infof("agency told of the automatic pause of subscription %s", s.id))
                .replaceWithVoid();
    }
}
