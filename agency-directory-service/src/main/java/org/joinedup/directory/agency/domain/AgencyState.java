package org.joinedup.directory.agency.domain;

import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyEvent;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;

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

    static AgencyState evolve(AgencyState state, AgencyEvent event) {
        int next = state.version() + 1;
        return switch (event) {
            case AgencyRegistered r when state instanceof None -> new Active(next);
            case AgencyUpdated u when state instanceof Active -> new Active(next);
            case AgencyDeactivated d when state instanceof Active -> new Deactivated(next);
            case AgencyRegistered r -> throw cannotFollow(r, state);
            case AgencyUpdated u -> throw cannotFollow(u, state);
            case AgencyDeactivated d -> throw cannotFollow(d, state);
        };
    }

    private static IllegalStateException cannotFollow(AgencyEvent event, AgencyState state) {
        return new IllegalStateException(event.eventType().typeName() + " cannot follow " + state.getClass().getSimpleName());
    }
}
