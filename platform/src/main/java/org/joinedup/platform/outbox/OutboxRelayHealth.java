package org.joinedup.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: the relay thread runs (it keeps retrying while Kafka is down, which is not a reason to restart). */
@Liveness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {
    private final OutboxRelay relay;

    public OutboxRelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("outbox-relay")
                .withData("enabled", relay.enabled())
                .withData("consecutiveFailures", relay.consecutiveFailures());
        if (relay.lastSuccess() != null) {
            builder.withData("lastSuccess", relay.lastSuccess().toString());
        }
        return builder.status(!relay.enabled() || relay.alive()).build();
    }
}
