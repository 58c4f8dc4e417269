package org.joinedup.concern.concern.domain;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.RiskLevel;
import org.joinedup.events.concern.WellbeingIndicator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Command: a practitioner of an agency raises a concern about a child. Already validated. */
public record RaiseConcern(
        UUID concernId,
        String agencyId,
        String practitionerId,
        ChildIdentification child,
        ConcernCategory category,
        List<WellbeingIndicator> wellbeingIndicators,
        RiskLevel riskLevel,
        String description,
        String childsVoice,
        Instant occurredAt) {
}
