package org.joinedup.platform.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventPayload;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.EventsAppended;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.platform.store.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every write of every service, one way: load the stream, fold it once, let the decider decide, check
 * the expected version, append the events with their outbox rows, fold them into the state, refresh the
 * stream's read model, and tell the service's other observers ({@link EventsAppended}), all in the
 * caller's transaction (or a new one). A refusal is thrown as {@link Refused} and rolls everything back.
 * No append reaches the event store any other way.
 */
@ApplicationScoped
public class CommandHandler {
    private final EventStore store;
    private final Event<EventsAppended> appended;

    public CommandHandler(EventStore store, Event<EventsAppended> appended) {
        this.store = store;
        this.appended = appended;
    }

    /** The instant a command decided now is recorded at (microseconds, as the database keeps them). */
    public Instant now() {
        return store.now();
    }

    /**
     * Carries out a command on the stream {@code kind.streamId(id)}, which may or may not exist yet.
     *
     * @param command the command, made at the instant it is decided (the instant its events are recorded at)
     * @throws Refused when the decider refuses
     * @throws org.joinedup.platform.store.WrongExpectedVersion when the stream is not at {@code expected}
     * @throws org.joinedup.platform.store.StreamVersionConflict when another writer appended first
     */
    @Transactional
    public <C, S, E extends EventPayload> Handled<S> handle(StreamKind<C, S, E> kind, Object id, ExpectedVersion expected,
                                                           EventMetadata metadata, Function<Instant, ? extends C> command) {
        return handle(kind, id, expected, metadata, (S state, Instant now) -> command.apply(now));
    }

    /**
     * {@link #handle}, where the command is made knowing the stream's state as it now is: for a check
     * outside the decider that needs the record (who may see this child's team), on the same fold.
     */
    @Transactional
    public <C, S, E extends EventPayload> Handled<S> handle(StreamKind<C, S, E> kind, Object id, ExpectedVersion expected,
                                                           EventMetadata metadata,
                                                           BiFunction<? super S, Instant, ? extends C> command) {
        String streamId = kind.streamId(id);
        List<StoredEvent> past = store.readStream(streamId);
        S state = fold(kind, past);
        Instant now = store.now();
        List<E> events = accepted(kind.decider().decide(command.apply(state, now), state));
        expected.check(streamId, past.size());
        return appendAndKeep(kind, streamId, past.size(), state, events, metadata, now);
    }

    /**
     * Carries out the command that starts a stream whose id was just made for it (a new concern, a new
     * share): the stream is not read (a round trip saved on the busiest writes); the decider sees the
     * initial state, and appending at version 0 still refuses a stream that exists.
     */
    @Transactional
    public <C, S, E extends EventPayload> Handled<S> start(StreamKind<C, S, E> kind, Object id, EventMetadata metadata,
                                                          Instant at, C command) {
        S state = kind.decider().initialState();
        List<E> events = accepted(kind.decider().decide(command, state));
        return appendAndKeep(kind, kind.streamId(id), 0, state, events, metadata, at);
    }

    /** {@link #start} at the instant it is decided. */
    @Transactional
    public <C, S, E extends EventPayload> Handled<S> start(StreamKind<C, S, E> kind, Object id, EventMetadata metadata,
                                                          Function<Instant, ? extends C> command) {
        Instant now = store.now();
        return start(kind, id, metadata, now, command.apply(now));
    }

    /** A stream's state and version as it now is, for a read (no command). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <C, S, E extends EventPayload> Handled<S> read(StreamKind<C, S, E> kind, Object id) {
        List<StoredEvent> past = store.readStream(kind.streamId(id));
        return new Handled<>(fold(kind, past), past.size(), List.of());
    }

    private <C, S, E extends EventPayload> Handled<S> appendAndKeep(StreamKind<C, S, E> kind, String streamId, int version,
                                                                   S state, List<E> events, EventMetadata metadata,
                                                                   Instant at) {
        if (events.isEmpty()) {
            return new Handled<>(state, version, List.of());
        }
        List<StoredEvent> stored = store.append(streamId, version, events, metadata, at);
        S after = state;
        for (E e : events) {
            after = kind.decider().evolve(after, e);
        }
        kind.readModel().changed(after, stored);
        appended.fire(new EventsAppended(stored));
        return new Handled<>(after, version + events.size(), stored);
    }

    /** The state the stored events leave the stream in: folded once, each event checked to be of the stream's family. */
    private static <C, S, E extends EventPayload> S fold(StreamKind<C, S, E> kind, List<StoredEvent> past) {
        S state = kind.decider().initialState();
        for (StoredEvent e : past) {
            state = kind.decider().evolve(state, member(kind, e.payload()));
        }
        return state;
    }

    private static <E> List<E> accepted(Decision<E> decision) {
        return switch (decision) {
            case Decision.Accepted<E> a -> new ArrayList<>(a.events());
            case Decision.Refused<E> r -> throw new Refused(r.refusal());
        };
    }

    private static <E extends EventPayload> E member(StreamKind<?, ?, E> kind, EventPayload payload) {
        if (!kind.events().isInstance(payload)) {
            throw new IllegalStateException(payload.eventType().typeName() + " is not an event of a " + kind.prefix()
                    + " stream");
        }
        return kind.events().cast(payload);
    }
}
