package org.joinedup.directory.agency;

import org.joinedup.events.EventPayload;
import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;

import java.util.List;

/** An agency's state, folded from its events. */
public sealed interface AgencyState {
    int version();

    record None() implements AgencyState {
        @Override
        public int version() {
            return 0;
        }
    }

    record Active(int version) implements AgencyState {
    }

    record Deactivated(int version) implements AgencyState {
    }

    static AgencyState fold(List<? extends EventPayload> events) {
        AgencyState state = new None();
        for (EventPayload e : events) {
            int next = state.version() + 1;
            if (e instanceof AgencyRegistered || e instanceof AgencyUpdated) {
                state = new Active(next);
            } else if (e instanceof AgencyDeactivated) {
                state = new Deactivated(next);
            } else {
                throw new IllegalStateException("not an agency event: " + e.eventType().typeName());
            }
        }
        return state;
    }
}
