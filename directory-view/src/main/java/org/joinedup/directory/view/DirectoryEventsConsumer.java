package org.joinedup.directory.view;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.Topics;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;

import java.util.Set;

/**
 * Keeps a service's copy of the directory up to date from {@code directory.events}. Enabled in the
 * services that read the directory (build property {@code joinedup.directory-view.consume=true});
 * the directory service itself applies its events as it appends them.
 */
@ApplicationScoped
@IfBuildProperty(name = "joinedup.directory-view.consume", stringValue = "true")
public class DirectoryEventsConsumer implements EventHandler {
    private final DirectoryProjection projection;
    private final String consumerName;

    public DirectoryEventsConsumer(DirectoryProjection projection,
                                   @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name")
                                   String applicationName) {
        this.projection = projection;
        this.consumerName = applicationName + "-directory-view";
    }

    @Override
    public String consumerName() {
        return consumerName;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DIRECTORY);
    }

    @Override
    public void handle(ReceivedEvent event) {
        projection.apply(event.payload());
    }
}
