package org.joinedup.concern.concern.domain;

import org.joinedup.events.concern.ConcernAmended;
import org.joinedup.events.concern.ConcernChanges;
import org.joinedup.events.concern.ConcernEvent;
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
        public Raised {
            history = List.copyOf(history);
        }

        List<Change> withChange(Change change) {
            List<Change> more = new ArrayList<>(history);
            more.add(change);
            return more;
        }
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

    /** The state after one more event of the concern's stream. */
    static ConcernState evolve(ConcernState state, ConcernEvent event) {
        return switch (event) {
            case ConcernRaised r when state instanceof None -> new Raised(r, new Facts(r.category(), r.wellbeingIndicators(),
                    r.riskLevel(), r.description(), r.childsVoice(), r.occurredAt()), false,
                    List.of(new Change("concern-raised", r.recordedAt(), r.practitionerId(), null, null)), 1);
            case ConcernAmended a when state instanceof Raised s && !s.withdrawn() -> new Raised(s.raised(),
                    s.current().with(a.changes()), false, s.withChange(new Change("concern-amended", a.amendedAt(),
                    a.amendedBy(), a.reason(), a.changes())), s.version() + 1);
            case ConcernWithdrawn w when state instanceof Raised s && !s.withdrawn() -> new Raised(s.raised(), s.current(),
                    true, s.withChange(new Change("concern-withdrawn", w.withdrawnAt(), w.withdrawnBy(), w.reason(), null)),
                    s.version() + 1);
            case ConcernRaised r -> throw cannotFollow(r, state);
            case ConcernAmended a -> throw cannotFollow(a, state);
            case ConcernWithdrawn w -> throw cannotFollow(w, state);
        };
    }

    private static IllegalStateException cannotFollow(ConcernEvent event, ConcernState state) {
        return new IllegalStateException(event.eventType().typeName() + " cannot follow " + state.getClass().getSimpleName());
    }
}
