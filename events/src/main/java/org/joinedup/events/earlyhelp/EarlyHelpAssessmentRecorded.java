package org.joinedup.events.earlyhelp;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code early-help-assessment-recorded} v1: one version of what the assessment says (1, 2, ...; each
 * version whole, none changed afterwards): the findings in each domain recorded so far, the child's
 * voice and the parents' and carers' views in their own words. The family's words are shared within
 * the Team Around the Child only (docs/access.md).
 */
public record EarlyHelpAssessmentRecorded(UUID assessmentId, UUID childId, int version, List<DomainFindings> domains,
                                          String childsVoice, String parentsViews, String recordedBy,
                                          String recordedByAgency, Instant recordedAt) implements EarlyHelpAssessmentEvent {
    public EarlyHelpAssessmentRecorded {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
