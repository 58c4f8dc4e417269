package org.joinedup.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.DirectoryProjection;
import org.joinedup.events.EventPayload;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.StoredEvent;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs a directory command: decide and append on the stream (with its outbox rows), and apply the
 * new events to the directory's read model, all in one transaction, so a read after a 2xx answer
 * sees the change.
 */
@ApplicationScoped
public class DirectoryWriter {
    private final EventStore store;
    private final DirectoryProjection projection;

    public DirectoryWriter(EventStore store, DirectoryProjection projection) {
        this.store = store;
        this.projection = projection;
    }

    @Transactional
    public List<StoredEvent> execute(String streamId, String ifMatch, EventMetadata metadata,
                                     BiFunction<List<EventPayload>, Instant, List<? extends EventPayload>> decider) {
        List<StoredEvent> appended = store.decide(streamId, ifMatch, metadata, decider);
        appended.forEach(e -> projection.apply(e.payload()));
        return appended;
    }
}
