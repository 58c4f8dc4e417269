package org.joinedup.referral.care.domain;

import org.joinedup.events.care.EmergencyProtectionOrderExpired;
import org.joinedup.events.care.LookedAfterEnded;
import org.joinedup.events.care.LookedAfterEvent;
import org.joinedup.events.care.LookedAfterLegalStatusChanged;
import org.joinedup.events.care.LookedAfterStarted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a looked-after episode's events say about it now: nothing yet, or the episode. Immutable. */
public sealed interface LookedAfterState {

    record None() implements LookedAfterState {
    }

    /** One legal status the child was looked after under, from when, and when an emergency protection order runs out. */
    record Period(String legalStatus, Instant since, Instant orderExpiresAt, String recordedBy) {
    }

    /**
     * The episode: how it started, each legal status in turn (the last is current), whether the current
     * order's expiry was recorded, its end (null while the child is looked after) and its version.
     */
    record Episode(LookedAfterStarted started, List<Period> periods, boolean expiryRecorded, LookedAfterEnded ended,
                   int version) implements LookedAfterState {
        public Episode {
            periods = List.copyOf(periods);
        }

        public boolean open() {
            return ended == null;
        }

        public Period current() {
            return periods.get(periods.size() - 1);
        }

        /** When the current emergency protection order runs out, while it is not recorded expired; null otherwise. */
        public Instant pendingExpiry() {
            return open() && !expiryRecorded ? current().orderExpiresAt() : null;
        }
    }

    static LookedAfterState evolve(LookedAfterState state, LookedAfterEvent event) {
        if (state instanceof None) {
            if (event instanceof LookedAfterStarted s) {
                return new Episode(s, List.of(new Period(s.legalStatus(), s.startedAt(), s.orderExpiresAt(), s.recordedBy())),
                        false, null, 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before looked-after-started");
        }
        Episode e = (Episode) state;
        return switch (event) {
            case LookedAfterStarted s -> throw new IllegalStateException("an episode starts once");
            case LookedAfterLegalStatusChanged c -> {
                List<Period> periods = new ArrayList<>(e.periods());
                periods.add(new Period(c.legalStatus(), c.changedAt(), c.orderExpiresAt(), c.recordedBy()));
                yield new Episode(e.started(), periods, false, e.ended(), e.version() + 1);
            }
            case LookedAfterEnded end -> new Episode(e.started(), e.periods(), e.expiryRecorded(), end, e.version() + 1);
            case EmergencyProtectionOrderExpired x -> new Episode(e.started(), e.periods(), true, e.ended(), e.version() + 1);
        };
    }
}
