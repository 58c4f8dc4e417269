package org.joinedup.concern.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.concern.child.ChildIndex;
import org.joinedup.concern.concern.domain.ConcernCommand;
import org.joinedup.concern.concern.domain.ConcernDecider;
import org.joinedup.concern.concern.domain.ConcernState;
import org.joinedup.concern.concern.domain.RaiseConcern;
import org.joinedup.concern.view.AgencyConcernViews;
import org.joinedup.events.concern.ChildRegistered;
import org.joinedup.events.concern.ConcernEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.OneFact;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.platform.store.StoredEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs concern commands through the {@link CommandHandler}: a raise resolves the child first (registering
 * a new child record when no key matches); every change keeps the agencies' view of the concern in the
 * command's transaction. When a method returns, the concern is durable and will be published.
 */
@ApplicationScoped
public class ConcernCommands {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ConcernCommands.class);
    /** A child record's registration: the first identification it was given ({@code child-<childId>}). */
    static final StreamKind<OneFact.Record<ChildRegistered>, Optional<ChildRegistered>, ChildRegistered> CHILD_RECORDS =
            StreamKind.of("child-", ChildRegistered.class, new OneFact<>("child-registered"));

    private final CommandHandler handler;
    private final ChildIndex children;
    private final StreamKind<ConcernCommand, ConcernState, ConcernEvent> concerns;

    public ConcernCommands(CommandHandler handler, ChildIndex children, AgencyConcernViews views) {
        this.handler = handler;
        this.children = children;
        this.concerns = StreamKind.of("concern-", ConcernEvent.class, new ConcernDecider()).keeping((state, appended) -> {
            if (state instanceof ConcernState.Raised raised) {
                ConcernView view = ConcernView.of(raised);
                views.put(view.concernId(), view.childId(), view.agencyId(), view.occurredAt(), view.status(),
                        view.version(), view);
            }
        });
    }

    /** The concern's stream kind, for reading a concern as it now is. */
    public Handled<ConcernState> read(UUID concernId) {
        return handler.read(concerns, concernId);
    }

    @Transactional
    public StoredEvent raise(RaiseConcern concern, EventMetadata metadata) {
        Instant now = handler.now();
        ChildIndex.Resolution child = children.resolve(concern.child(), concern.concernId(), concern.agencyId(), now);
        if (child.registered()) {
            handler.start(CHILD_RECORDS, child.childId(), metadata, now, new OneFact.Record<>(
                    new ChildRegistered(child.childId(), concern.child(), concern.concernId(), now)));
        }
        StoredEvent stored = handler.start(concerns, concern.concernId(), metadata, now,
                new ConcernCommand.Raise(concern, child.childId(), now)).first();
        // Identifiers only: never names, dates of birth or descriptions.
        LOG.infof("concern %s raised for child %s by agency %s (event %s)", concern.concernId(),
                stored.envelope().subject(), concern.agencyId(), stored.envelope().id());
        return stored;
    }

    /** An amendment or a withdrawal, at the version the caller expects. */
    @Transactional
    public Handled<ConcernState> change(UUID concernId, ExpectedVersion expected, EventMetadata metadata,
                                        Function<Instant, ConcernCommand> command) {
        return handler.handle(concerns, concernId, expected, metadata, command);
    }
}
