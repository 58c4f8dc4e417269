package org.joinedup.referral.earlyhelp;

import org.joinedup.events.EventPayload;
import org.joinedup.events.earlyhelp.AssessmentDomain;
import org.joinedup.events.earlyhelp.DomainFindings;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
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

/** What an early help assessment's events say about it now. Built by {@link #fold}; not changed afterwards. */
public final class AssessmentState {
    private EarlyHelpAssessmentStarted started;
    private final List<EarlyHelpAssessmentRecorded> versions = new ArrayList<>();
    private EarlyHelpAssessmentCompleted completed;
    private final List<EarlyHelpAssessmentReviewed> reviews = new ArrayList<>();
    private int version;

    public static AssessmentState fold(List<? extends EventPayload> events) {
        AssessmentState s = new AssessmentState();
        for (EventPayload e : events) {
            s.apply(e);
        }
        return s;
    }

    private void apply(EventPayload e) {
        version++;
        if (e instanceof EarlyHelpAssessmentStarted st) {
            started = st;
        } else if (e instanceof EarlyHelpAssessmentRecorded r) {
            versions.add(r);
        } else if (e instanceof EarlyHelpAssessmentCompleted c) {
            completed = c;
        } else if (e instanceof EarlyHelpAssessmentReviewed r) {
            reviews.add(r);
        } else {
            throw new IllegalStateException(e.eventType().typeName() + " is not an early help assessment event");
        }
    }

    public boolean exists() {
        return started != null;
    }

    public EarlyHelpAssessmentStarted started() {
        return started;
    }

    /** Every version recorded, oldest first. */
    public List<EarlyHelpAssessmentRecorded> versions() {
        return List.copyOf(versions);
    }

    public Optional<EarlyHelpAssessmentRecorded> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The latest version's number; 0 before any was recorded. */
    public int latestVersion() {
        return latest().map(EarlyHelpAssessmentRecorded::version).orElse(0);
    }

    public Optional<EarlyHelpAssessmentCompleted> completed() {
        return Optional.ofNullable(completed);
    }

    public Optional<EarlyHelpOutcome> outcome() {
        return completed().flatMap(c -> EarlyHelpOutcome.fromWireName(c.outcome()));
    }

    public List<EarlyHelpAssessmentReviewed> reviews() {
        return List.copyOf(reviews);
    }

    /** in-progress, or completed. */
    public String status() {
        return completed == null ? "in-progress" : "completed";
    }

    /** The domains the latest version has no findings for, in the framework's order. */
    public List<AssessmentDomain> missingDomains() {
        Set<String> recorded = latest().map(r -> r.domains().stream().map(DomainFindings::domain).collect(Collectors.toSet()))
                .orElse(Set.of());
        return Arrays.stream(AssessmentDomain.values()).filter(d -> !recorded.contains(d.wireName())).toList();
    }

    /** The number of events in the stream: the ETag. */
    public int version() {
        return version;
    }
}
