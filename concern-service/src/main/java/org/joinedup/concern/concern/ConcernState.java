package org.joinedup.concern.concern;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ConcernRaised;

import java.util.List;

/** What a concern's past events say about it now: rebuilt by folding its events. */
public sealed interface ConcernState {

    /** No event yet: the concern does not exist. */
    record None() implements ConcernState {
    }

    /** Raised and in force. */
    record Raised(ConcernRaised raised, int version) implements ConcernState {
    }

    static ConcernState initial() {
        return new None();
    }

    static ConcernState evolve(ConcernState state, EventPayload event) {
        if (event instanceof ConcernRaised raised && state instanceof None) {
            return new Raised(raised, 1);
        }
        throw new IllegalStateException(event.eventType().typeName() + " cannot follow " + state.getClass().getSimpleName());
    }

    static ConcernState fold(List<? extends EventPayload> events) {
        ConcernState state = initial();
        for (EventPayload e : events) {
            state = evolve(state, e);
        }
        return state;
    }
}
