package org.joinedup.concern.concern;

import org.joinedup.events.EventPayload;
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernAmended;
import org.joinedup.events.concern.ConcernChanges;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.ConcernWithdrawn;
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

    /** The raising agency corrects a concern, for a reason; a withdrawn concern cannot change. */
    public static List<EventPayload> amend(UUID concernId, String agencyId, String actor, String reason,
                                           ConcernChanges changes, ConcernState state, Instant now) {
        ConcernState.Raised raised = ownOpen(concernId, agencyId, state);
        return List.of(new ConcernAmended(concernId, raised.raised().childId(), agencyId, actor, reason, changes, now));
    }

    /** The raising agency withdraws a concern, for a reason; it stays in history. */
    public static List<EventPayload> withdraw(UUID concernId, String agencyId, String actor, String reason,
                                              ConcernState state, Instant now) {
        ConcernState.Raised raised = ownOpen(concernId, agencyId, state);
        return List.of(new ConcernWithdrawn(concernId, raised.raised().childId(), agencyId, actor, reason, now));
    }

    /** The concern, if it exists and belongs to the agency (404 otherwise, so it is not disclosed); 409 when withdrawn. */
    static ConcernState.Raised ownOpen(UUID concernId, String agencyId, ConcernState state) {
        if (!(state instanceof ConcernState.Raised raised) || !raised.raised().agencyId().equals(agencyId)) {
            throw ProblemException.notFound("no concern " + concernId + " is visible to agency " + agencyId);
        }
        if (raised.withdrawn()) {
            throw ProblemException.conflict("concern-withdrawn", "concern " + concernId + " was withdrawn");
        }
        return raised;
    }

    /** The event-store stream of a concern. */
    public static String streamId(UUID concernId) {
        return "concern-" + concernId;
    }
}
