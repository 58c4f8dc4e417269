package org.joinedup.platform.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: every consumer thread runs and none is stuck retrying an event it cannot apply. The
 * data names the stuck event, so whoever is on call can find it.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealth implements HealthCheck {
    private final EventConsumers consumers;

    public EventConsumersHealth(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("event-consumers");
        boolean up = consumers.alive();
        for (ConsumerLoop loop : consumers.loops()) {
            builder.withData(loop.name() + ".lastPoll", String.valueOf(loop.lastPoll()));
            if (loop.retrying() != null) {
                builder.withData(loop.name() + ".retrying", loop.retrying());
                up = false;
            }
        }
        return builder.status(up).build();
    }
}
