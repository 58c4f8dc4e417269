package org.joinedup.events.earlyhelp;

import java.util.List;

/**
 * What an assessment found in one domain: strengths and needs, at least one of either.
 *
 * @param domain    an {@link AssessmentDomain} wire name
 * @param strengths what is going well, in the assessor's words
 * @param needs     what the child or family needs, each with the SHANARRI indicators it bears on
 */
public record DomainFindings(String domain, List<String> strengths, List<Need> needs) {
    public DomainFindings {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }

    /**
     * One need.
     *
     * @param description the need, in the assessor's words
     * @param indicators  the SHANARRI wellbeing indicators it bears on (wire names), at least one
     */
    public record Need(String description, List<String> indicators) {
        public Need {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }
}
