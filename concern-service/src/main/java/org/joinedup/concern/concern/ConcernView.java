package org.joinedup.concern.concern;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A concern as its raising agency sees it. */
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
        int version) {

    static ConcernView of(ConcernState.Raised state) {
        ConcernRaised r = state.raised();
        return new ConcernView(r.concernId(), r.childId(), r.agencyId(), r.practitionerId(), r.child(), r.category(),
                r.wellbeingIndicators(), r.riskLevel(), r.description(), r.childsVoice(), r.occurredAt(),
                r.recordedAt(), "raised", state.version());
    }
}
