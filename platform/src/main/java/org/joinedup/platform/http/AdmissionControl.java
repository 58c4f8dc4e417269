package org.joinedup.platform.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the API requests a service works on at once ({@link Admission}), on the event loop, before a
 * request takes a worker thread or a database connection. A request over the bound waits in a short
 * queue; one that waits past its deadline, or finds the queue full, answers {@code 503 overloaded}
 * problem+json with {@code Retry-After} at once. Health, metrics and OpenAPI ({@code /q/}) are never
 * held back, so readiness says whether the dependencies are there, not how busy the service is.
 */
@ApplicationScoped
public class AdmissionControl {
    private final Admission admission;
    private final long queueTimeoutMillis;
    private final int retryAfterSeconds;
    private final Counter refused;
    private final Counter expired;

    public AdmissionControl(@ConfigProperty(name = "joinedup.http.admission.max-concurrent", defaultValue = "20") int maxConcurrent,
                            @ConfigProperty(name = "joinedup.http.admission.max-queued", defaultValue = "100") int maxQueued,
                            @ConfigProperty(name = "joinedup.http.admission.queue-timeout", defaultValue = "2S") Duration queueTimeout,
                            @ConfigProperty(name = "joinedup.http.admission.retry-after", defaultValue = "1S") Duration retryAfter,
                            MeterRegistry registry) {
        this.admission = new Admission(maxConcurrent, maxQueued);
        this.queueTimeoutMillis = Math.max(1, queueTimeout.toMillis());
        this.retryAfterSeconds = (int) Math.max(1, retryAfter.toSeconds());
        Gauge.builder("joinedup.http.admission.running", admission, Admission::running)
                .description("API requests being worked on").register(registry);
        Gauge.builder("joinedup.http.admission.queued", admission, Admission::queued)
                .description("API requests waiting for their turn").register(registry);
        this.refused = Counter.builder("joinedup.http.admission.refused").tag("why", "queue-full")
                .description("API requests answered 503 overloaded").register(registry);
        this.expired = Counter.builder("joinedup.http.admission.refused").tag("why", "waited-too-long")
                .description("API requests answered 503 overloaded").register(registry);
    }

    void install(@Observes Router router) {
        router.route().order(-1_050).handler(this::admit);
    }

    void admit(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/q/")) {
            rc.next();
            return;
        }
        Ticket ticket = new Ticket(rc, Vertx.currentContext());
        switch (admission.enter(ticket)) {
            case ADMITTED -> ticket.run();
            case QUEUED -> ticket.await();
            case REFUSED -> {
                refused.increment();
                overloaded(rc);
            }
        }
    }

    private void overloaded(RoutingContext rc) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        Problem problem = Problem.of(503, "overloaded", "Service busy",
                "the service is working on as many requests as it can; nothing was done. Retry after "
                        + retryAfterSeconds + " s (with the same Idempotency-Key for a POST)", List.of());
        rc.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", String.valueOf(retryAfterSeconds)).end(Json.encode(problem));
    }

    /** One request's place: running, or waiting with a deadline. */
    private final class Ticket implements Admission.Waiter {
        private final RoutingContext rc;
        private final Context context;
        private final AtomicBoolean left = new AtomicBoolean();
        private volatile long timer = -1;

        Ticket(RoutingContext rc, Context context) {
            this.rc = rc;
            this.context = context;
        }

        void run() {
            rc.addEndHandler(done -> leave());
            rc.next();
        }

        void await() {
            timer = rc.vertx().setTimer(queueTimeoutMillis, id -> {
                if (admission.withdraw(this)) {
                    expired.increment();
                    overloaded(rc);
                }
            });
        }

        @Override
        public void admit() {
            rc.vertx().cancelTimer(timer);
            Runnable start = () -> {
                if (rc.response().closed() || rc.response().ended()) {
                    leave();
                } else {
                    run();
                }
            };
            if (context == null) {
                start.run();
            } else {
                context.runOnContext(v -> start.run());
            }
        }

        private void leave() {
            if (left.compareAndSet(false, true)) {
                admission.leave();
            }
        }
    }
}
