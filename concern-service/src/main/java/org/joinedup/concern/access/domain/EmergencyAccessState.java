package org.joinedup.concern.access.domain;

import org.joinedup.events.access.EmergencyAccessAcknowledged;
import org.joinedup.events.access.EmergencyAccessEvent;
import org.joinedup.events.access.EmergencyAccessGranted;

import java.util.HashSet;
import java.util.Set;

/** What a grant's events say about it now: who was told, and who has acknowledged. */
public sealed interface EmergencyAccessState {

    record None() implements EmergencyAccessState {
    }

    record Granted(EmergencyAccessGranted granted, Set<String> acknowledgedBy) implements EmergencyAccessState {
        public Granted {
            acknowledgedBy = Set.copyOf(acknowledgedBy);
        }
    }

    static EmergencyAccessState evolve(EmergencyAccessState state, EmergencyAccessEvent event) {
        return switch (event) {
            case EmergencyAccessGranted g when state instanceof None -> new Granted(g, Set.of());
            case EmergencyAccessAcknowledged a when state instanceof Granted g -> {
                Set<String> acknowledged = new HashSet<>(g.acknowledgedBy());
                acknowledged.add(a.agencyId());
                yield new Granted(g.granted(), acknowledged);
            }
            case EmergencyAccessGranted g -> throw new IllegalStateException("a grant is granted once");
            case EmergencyAccessAcknowledged a -> throw new IllegalStateException("acknowledged before granted");
        };
    }
}
