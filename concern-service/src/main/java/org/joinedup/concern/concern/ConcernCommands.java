package org.joinedup.concern.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.concern.child.ChildIndex;
import org.joinedup.events.EventPayload;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.StoredEvent;

import java.time.Instant;
import java.util.List;

/**
 * Carries out concern commands: resolve the child, decide, and append the events with their outbox
 * rows, all in one transaction. When this returns, the concern is durable and will be published.
 */
@ApplicationScoped
public class ConcernCommands {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ConcernCommands.class);
    private final EventStore store;
    private final ChildIndex children;

    private final org.joinedup.concern.view.AgencyConcernViews views;

    private final org.joinedup.concern.picture.BiggerPicture picture;

    public ConcernCommands(EventStore store, ChildIndex children, org.joinedup.concern.view.AgencyConcernViews views,
                           org.joinedup.concern.picture.BiggerPicture picture) {
        this.picture = picture;
        this.store = store;
        this.children = children;
        this.views = views;
    }

    /** A change to an existing concern: the decider sees its state; If-Match is checked against its version. */
    @Transactional
    public List<StoredEvent> change(java.util.UUID concernId, String ifMatch, EventMetadata metadata,
                                    java.util.function.BiFunction<ConcernState, Instant, List<EventPayload>> decider) {
        EventStore.Decision decision = store.decision(ConcernDecider.streamId(concernId), ifMatch, metadata,
                (past, now) -> decider.apply(ConcernState.fold(past), now));
        List<StoredEvent> appended = decision.appended();
        if (decision.changed()) {
            updateView(decision.events());
            picture.concernChanged(java.util.UUID.fromString(appended.get(0).envelope().subject()), concernId, metadata);
        }
        return appended;
    }

    /** Refreshes the agency views of a concern from its whole stream, in the command's transaction. */
    private void updateView(List<EventPayload> stream) {
        ConcernState state = ConcernState.fold(stream);
        if (state instanceof ConcernState.Raised raised) {
            ConcernView view = ConcernView.of(raised);
            views.put(view.concernId(), view.childId(), view.agencyId(), view.occurredAt(), view.status(),
                    view.version(), view);
        }
    }

    @Transactional
    public StoredEvent raise(RaiseConcern command, EventMetadata metadata) {
        String stream = ConcernDecider.streamId(command.concernId());
        // A raise names a concern id generated for it, so its stream is new and not read (a round trip
        // saved on the busiest write); appending at version 0 still refuses a stream that exists.
        ConcernState state = ConcernState.fold(List.of());
        Instant now = store.now();
        ChildIndex.Resolution child = children.resolve(command.child(), command.concernId(), command.agencyId(), now);
        List<EventPayload> events = ConcernDecider.decide(command, state, child.childId(), now);
        if (child.registered()) {
            store.append("child-" + child.childId(), 0, List.of(new org.joinedup.events.concern.ChildRegistered(
                    child.childId(), command.child(), command.concernId(), now)), metadata, now);
        }
        StoredEvent stored = store.append(stream, 0, events, metadata, now).get(0);
        updateView(events);
        picture.concernChanged(java.util.UUID.fromString(stored.envelope().subject()), command.concernId(), metadata);
        // Identifiers only: never names, dates of birth or descriptions.
        LOG.infof("concern %s raised for child %s by agency %s (event %s)", command.concernId(),
                stored.envelope().subject(), command.agencyId(), stored.envelope().id());
        return stored;
    }
}
