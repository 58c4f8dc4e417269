package org.joinedup.concern.concern;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.concern.concern.domain.ConcernState;
import org.joinedup.events.concern.ConcernRaised;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A concern as its raising agency sees it: the facts as now amended, whether it was withdrawn, and
 * its history (raised, each amendment with what changed, a withdrawal), each with who, when and why.
 */
public record ConcernView(
        UUID concernId,
        UUID childId,
        String agencyId,
        String practitionerId,
        ChildIdentification child,
        String category,
        List<String> wellbeingIndicators,
        String riskLevel,
        String description,
        String childsVoice,
        Instant occurredAt,
        Instant recordedAt,
        String status,
        int version,
        List<ConcernState.Change> history) {

    public static ConcernView of(ConcernState.Raised state) {
        ConcernRaised r = state.raised();
        ConcernState.Facts f = state.current();
        return new ConcernView(r.concernId(), r.childId(), r.agencyId(), r.practitionerId(), r.child(), f.category(),
                f.wellbeingIndicators(), f.riskLevel(), f.description(), f.childsVoice(), f.occurredAt(),
                r.recordedAt(), state.withdrawn() ? "withdrawn" : "raised", state.version(), state.history());
    }
}
