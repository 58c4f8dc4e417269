package org.joinedup.referral.earlyhelp;

import org.joinedup.referral.earlyhelp.domain.AssessmentState;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.AssessmentDomain;
import org.joinedup.events.earlyhelp.DomainFindings;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An early help assessment as the API shows it: the consent decision, the current version in full (with
 * every earlier version listed), the outcome, the team working from it and each plan review that
 * reviewed it. {@code familyWords} says whether the child's voice and the parents' views are shown
 * ({@code shown}) or withheld because the reader is outside the assessing agency and the team
 * ({@code withheld}: shared within the Team Around the Child only).
 */
public record AssessmentView(UUID assessmentId, UUID childId, String status, Consent consent, UUID steppedDownFrom,
                             String startedBy, String startedByAgency, Instant startedAt, Version current,
                             List<VersionSummary> versions, Outcome outcome, UUID teamId,
                             List<EarlyHelpAssessmentReviewed> reviews, String familyWords, int version) {
    public static final String SHOWN = "shown";
    public static final String WITHHELD = "withheld";

    /** One version in full: the findings per domain (with the domain in words), the child's voice, the parents' views. */
    public record Version(int version, List<Domain> domains, List<String> missingDomains, String childsVoice,
                          String parentsViews, String recordedBy, String recordedByAgency, Instant recordedAt) {
        static Version of(EarlyHelpAssessmentRecorded r) {
            List<Domain> domains = r.domains().stream().map(d -> new Domain(d.domain(),
                    AssessmentDomain.fromWireName(d.domain()).map(AssessmentDomain::words).orElse(d.domain()), d.strengths(),
                    d.needs())).toList();
            List<String> recorded = r.domains().stream().map(DomainFindings::domain).toList();
            List<String> missing = java.util.Arrays.stream(AssessmentDomain.values()).map(AssessmentDomain::wireName)
                    .filter(d -> !recorded.contains(d)).toList();
            return new Version(r.version(), domains, missing, r.childsVoice(), r.parentsViews(), r.recordedBy(),
                    r.recordedByAgency(), r.recordedAt());
        }

        Version withoutFamilyWords() {
            return new Version(version, domains, missingDomains, null, null, recordedBy, recordedByAgency, recordedAt);
        }
    }

    public record Domain(String domain, String name, List<String> strengths, List<DomainFindings.Need> needs) {
    }

    public record VersionSummary(int version, String recordedBy, String recordedByAgency, Instant recordedAt) {
    }

    public record Outcome(String outcome, String reason, int onVersion, UUID referralId, String completedBy,
                          String completedByAgency, Instant completedAt) {
    }

    public static AssessmentView of(AssessmentState.Assessment s, UUID teamId) {
        var st = s.started();
        Version current = s.latest().map(Version::of).orElse(null);
        List<VersionSummary> versions = s.versions().stream()
                .map(v -> new VersionSummary(v.version(), v.recordedBy(), v.recordedByAgency(), v.recordedAt())).toList();
        Outcome outcome = s.completed().map(c -> new Outcome(c.outcome(), c.reason(), c.version(), c.referralId(),
                c.completedBy(), c.completedByAgency(), c.completedAt())).orElse(null);
        return new AssessmentView(st.assessmentId(), st.childId(), s.status().wireName(), st.consent(), st.steppedDownFrom(),
                st.startedBy(), st.startedByAgency(), st.startedAt(), current, versions, outcome, teamId, s.reviews(), SHOWN,
                s.version());
    }

    /** The same assessment with the family's own words withheld. */
    public AssessmentView withoutFamilyWords() {
        return new AssessmentView(assessmentId, childId, status, consent, steppedDownFrom, startedBy, startedByAgency,
                startedAt, current == null ? null : current.withoutFamilyWords(), versions, outcome, teamId, reviews, WITHHELD,
                version);
    }

    /** The same assessment linked to a team. */
    public AssessmentView withTeam(UUID team) {
        return new AssessmentView(assessmentId, childId, status, consent, steppedDownFrom, startedBy, startedByAgency,
                startedAt, current, versions, outcome, team, reviews, familyWords, version);
    }
}
