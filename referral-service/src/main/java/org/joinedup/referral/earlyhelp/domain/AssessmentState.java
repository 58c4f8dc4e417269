package org.joinedup.referral.earlyhelp.domain;

import org.joinedup.events.earlyhelp.AssessmentDomain;
import org.joinedup.events.earlyhelp.DomainFindings;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentEvent;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentStarted;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an early help assessment's events say about it now: nothing yet, or the assessment. Immutable. */
public sealed interface AssessmentState {

    /** Where an assessment stands. */
    enum Status {
        IN_PROGRESS("in-progress"), COMPLETED("completed");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record None() implements AssessmentState {
    }

    /**
     * An assessment: how it started, every version recorded (oldest first), how it was concluded (null while
     * in progress), the plan reviews that reviewed it, and its version (the number of its events, the ETag).
     */
    record Assessment(EarlyHelpAssessmentStarted started, List<EarlyHelpAssessmentRecorded> versions,
                      EarlyHelpAssessmentCompleted completion, List<EarlyHelpAssessmentReviewed> reviews, int version)
            implements AssessmentState {
        public Assessment {
            versions = List.copyOf(versions);
            reviews = List.copyOf(reviews);
        }

        public Optional<EarlyHelpAssessmentRecorded> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        }

        /** The latest version's number; 0 before any was recorded. */
        public int latestVersion() {
            return latest().map(EarlyHelpAssessmentRecorded::version).orElse(0);
        }

        public Optional<EarlyHelpAssessmentCompleted> completed() {
            return Optional.ofNullable(completion);
        }

        public Optional<EarlyHelpOutcome> outcome() {
            return completed().flatMap(c -> EarlyHelpOutcome.fromWireName(c.outcome()));
        }

        public Status status() {
            return completion == null ? Status.IN_PROGRESS : Status.COMPLETED;
        }

        /** The domains the latest version has no findings for, in the framework's order. */
        public List<AssessmentDomain> missingDomains() {
            Set<String> recorded = latest().map(r -> r.domains().stream().map(DomainFindings::domain).collect(Collectors.toSet()))
                    .orElse(Set.of());
            return Arrays.stream(AssessmentDomain.values()).filter(d -> !recorded.contains(d.wireName())).toList();
        }

        /** The assessing agency and the agencies of the team working from it read the whole assessment. */
        public boolean mayBeReadWhole(AssessmentActor actor) {
            return actor.agencyId() != null && (actor.agencyId().equals(started.startedByAgency()) || actor.inLinkedTeam());
        }

        private Assessment then(List<EarlyHelpAssessmentRecorded> v, EarlyHelpAssessmentCompleted c,
                                List<EarlyHelpAssessmentReviewed> r) {
            return new Assessment(started, v, c, r, version + 1);
        }
    }

    static AssessmentState evolve(AssessmentState state, EarlyHelpAssessmentEvent event) {
        if (state instanceof None) {
            if (event instanceof EarlyHelpAssessmentStarted s) {
                return new Assessment(s, List.of(), null, List.of(), 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before early-help-assessment-started");
        }
        Assessment a = (Assessment) state;
        return switch (event) {
            case EarlyHelpAssessmentStarted s -> throw new IllegalStateException("an assessment is started once");
            case EarlyHelpAssessmentRecorded r -> {
                List<EarlyHelpAssessmentRecorded> versions = new ArrayList<>(a.versions());
                versions.add(r);
                yield a.then(versions, a.completion(), a.reviews());
            }
            case EarlyHelpAssessmentCompleted c -> a.then(a.versions(), c, a.reviews());
            case EarlyHelpAssessmentReviewed r -> {
                List<EarlyHelpAssessmentReviewed> reviews = new ArrayList<>(a.reviews());
                reviews.add(r);
                yield a.then(a.versions(), a.completion(), reviews);
            }
        };
    }
}
