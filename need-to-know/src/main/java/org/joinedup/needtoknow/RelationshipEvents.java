package org.joinedup.needtoknow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;
import org.joinedup.platform.store.EventsAppended;
import org.joinedup.platform.store.StoredEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the need-to-know read model up to date. Other services' events arrive from the topics named in
 * {@code joinedup.need-to-know.topics} (deduplicated by the platform's consumer, in the transaction
 * that records them); the service's own events, which travel on the other topics, are applied as
 * they are appended, in the command's transaction, so a service reads its own writes.
 */
@ApplicationScoped
public class RelationshipEvents implements EventHandler {
    private final RelationshipProjection projection;
    private final Set<String> topics;
    private final String consumerName;

    public RelationshipEvents(RelationshipProjection projection,
                              @ConfigProperty(name = "joinedup.need-to-know.topics") List<String> topics,
                              @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.projection = projection;
        this.topics = Set.copyOf(new LinkedHashSet<>(topics));
        this.consumerName = applicationName + "-need-to-know";
    }

    @Override
    public String consumerName() {
        return consumerName;
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public void handle(ReceivedEvent event) {
        projection.apply(event.payload());
    }

    /** The service's own events, in the transaction that appends them. */
    void appended(@Observes EventsAppended appended) {
        for (StoredEvent e : appended.events()) {
            if (!topics.contains(e.payload().eventType().topic())) {
                projection.apply(e.payload());
            }
        }
    }
}
