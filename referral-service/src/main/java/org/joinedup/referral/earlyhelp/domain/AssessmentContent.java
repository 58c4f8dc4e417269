package org.joinedup.referral.earlyhelp.domain;

import org.joinedup.events.earlyhelp.DomainFindings;

import java.util.List;

/** What one version of an assessment says, checked: the findings per domain, the child's voice, the parents' views. */
public record AssessmentContent(List<DomainFindings> domains, String childsVoice, String parentsViews) {
    public AssessmentContent {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
