package org.joinedup.referral.care.domain;

import org.joinedup.events.care.PoliceProtectionEnded;
import org.joinedup.events.care.PoliceProtectionEvent;
import org.joinedup.events.care.PoliceProtectionOverdue;
import org.joinedup.events.care.PoliceProtectionStarted;

import java.time.Instant;

/** What a police protection's events say about it now: nothing yet, or the protection. Immutable. */
public sealed interface PoliceProtectionState {

    record None() implements PoliceProtectionState {
    }

    /** The protection: how it started, whether its 72 hours were recorded as run out, its end, its version. */
    record Protection(PoliceProtectionStarted started, PoliceProtectionOverdue overdue, PoliceProtectionEnded ended,
                      int version) implements PoliceProtectionState {
        public boolean open() {
            return ended == null;
        }

        /** When the 72 hours run out, while the protection is open and that is not yet recorded; null otherwise. */
        public Instant pendingEnd() {
            return open() && overdue == null ? started.endsBy() : null;
        }
    }

    static PoliceProtectionState evolve(PoliceProtectionState state, PoliceProtectionEvent event) {
        if (state instanceof None) {
            if (event instanceof PoliceProtectionStarted s) {
                return new Protection(s, null, null, 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before police-protection-started");
        }
        Protection p = (Protection) state;
        return switch (event) {
            case PoliceProtectionStarted s -> throw new IllegalStateException("police protection starts once");
            case PoliceProtectionOverdue o -> new Protection(p.started(), o, p.ended(), p.version() + 1);
            case PoliceProtectionEnded e -> new Protection(p.started(), p.overdue(), e, p.version() + 1);
        };
    }
}
