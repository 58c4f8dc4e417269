package org.joinedup.concern.concern;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ConcernAmended;
import org.joinedup.events.concern.ConcernChanges;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.ConcernWithdrawn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a concern's past events say about it now: rebuilt by folding its events. */
public sealed interface ConcernState {

    /** No event yet: the concern does not exist. */
    record None() implements ConcernState {
    }

    /**
     * Raised, perhaps amended since, perhaps withdrawn. {@code current} holds the facts as now amended;
     * {@code raised} keeps the original; {@code history} lists every change with who, when and why.
     */
    record Raised(ConcernRaised raised, Facts current, boolean withdrawn, List<Change> history, int version)
            implements ConcernState {
    }

    /** The amendable facts of a concern. */
    record Facts(String category, List<String> wellbeingIndicators, String riskLevel, String description,
                 String childsVoice, Instant occurredAt) {

        Facts with(ConcernChanges c) {
            return new Facts(or(c.category(), category), or(c.wellbeingIndicators(), wellbeingIndicators),
                    or(c.riskLevel(), riskLevel), or(c.description(), description), or(c.childsVoice(), childsVoice),
                    or(c.occurredAt(), occurredAt));
        }

        private static <T> T or(T changed, T current) {
            return changed != null ? changed : current;
        }
    }

    /** One entry of a concern's history. */
    record Change(String type, Instant at, String by, String reason, ConcernChanges changes) {
    }

    static ConcernState initial() {
        return new None();
    }

    static ConcernState evolve(ConcernState state, EventPayload event) {
        if (event instanceof ConcernRaised r && state instanceof None) {
            return new Raised(r, new Facts(r.category(), r.wellbeingIndicators(), r.riskLevel(), r.description(),
                    r.childsVoice(), r.occurredAt()), false,
                    List.of(new Change("concern-raised", r.recordedAt(), r.practitionerId(), null, null)), 1);
        }
        if (state instanceof Raised s && !s.withdrawn()) {
            List<Change> history = new ArrayList<>(s.history());
            if (event instanceof ConcernAmended a) {
                history.add(new Change("concern-amended", a.amendedAt(), a.amendedBy(), a.reason(), a.changes()));
                return new Raised(s.raised(), s.current().with(a.changes()), false, List.copyOf(history), s.version() + 1);
            }
            if (event instanceof ConcernWithdrawn w) {
                history.add(new Change("concern-withdrawn", w.withdrawnAt(), w.withdrawnBy(), w.reason(), null));
                return new Raised(s.raised(), s.current(), true, List.copyOf(history), s.version() + 1);
            }
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
