package org.joinedup.concern.concern;

import org.joinedup.events.EventPayload;
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.platform.http.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Decides which events a command on a concern produces, given the concern's state. Pure. */
public final class ConcernDecider {
    private ConcernDecider() {
    }

    public static List<EventPayload> decide(RaiseConcern command, ConcernState state, UUID childId, Instant recordedAt) {
        if (!(state instanceof ConcernState.None)) {
            throw ProblemException.conflict("concern-exists", "concern " + command.concernId() + " was already raised");
        }
        return List.of(new ConcernRaised(
                command.concernId(),
                childId,
                command.agencyId(),
                command.practitionerId(),
                command.child(),
                command.category().wireName(),
                command.wellbeingIndicators().stream().map(WireNamed::wireName).toList(),
                command.riskLevel().wireName(),
                command.description(),
                command.childsVoice(),
                command.occurredAt(),
                recordedAt));
    }

    /** The event-store stream of a concern. */
    public static String streamId(UUID concernId) {
        return "concern-" + concernId;
    }
}
