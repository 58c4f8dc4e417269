package org.joinedup.referral.earlyhelp.domain;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.AssessmentDomain;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentEvent;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentStarted;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules of an early help assessment. It is written by the agency that started it and, once a Team
 * Around the Child works from it, by the team's agencies (anyone else is told it does not exist); each
 * change is a new whole version, and none is changed afterwards. It concludes once, with findings in
 * every domain; support the family takes part in rests on their consent.
 */
public final class AssessmentDecider implements Decider<AssessmentCommand, AssessmentState, EarlyHelpAssessmentEvent> {

    @Override
    public AssessmentState initialState() {
        return new AssessmentState.None();
    }

    @Override
    public AssessmentState evolve(AssessmentState state, EarlyHelpAssessmentEvent event) {
        return AssessmentState.evolve(state, event);
    }

    @Override
    public Decision<EarlyHelpAssessmentEvent> decide(AssessmentCommand command, AssessmentState state) {
        return switch (command) {
            case AssessmentCommand.Start s -> start(s, state);
            case AssessmentCommand.Record r -> mayChange(state, r.actor()).then(a -> {
                boolean same = a.latest().map(l -> l.domains().equals(r.content().domains())
                        && Objects.equals(l.childsVoice(), r.content().childsVoice())
                        && Objects.equals(l.parentsViews(), r.content().parentsViews())).orElse(false);
                return same ? Decision.none() : Decision.accept(recorded(a.started().assessmentId(), a.started().childId(),
                        a.latestVersion() + 1, r.content(), r.actor(), r.at()));
            });
            case AssessmentCommand.Complete c -> complete(c, state);
            case AssessmentCommand.Review r -> review(r, state);
        };
    }

    private static Decision<EarlyHelpAssessmentEvent> start(AssessmentCommand.Start s, AssessmentState state) {
        if (state instanceof AssessmentState.Assessment) {
            return Decision.refuse(Refusal.conflict("assessment-exists", "assessment " + s.assessmentId() + " already exists"));
        }
        List<EarlyHelpAssessmentEvent> events = new ArrayList<>();
        events.add(new EarlyHelpAssessmentStarted(s.assessmentId(), s.childId(), s.consent(), s.steppedDownFrom(),
                s.actor().subject(), s.actor().agencyId(), s.at()));
        if (s.content() != null) {
            events.add(recorded(s.assessmentId(), s.childId(), 1, s.content(), s.actor(), s.at()));
        }
        return Decision.accept(events);
    }

    /**
     * Concludes the assessment: every domain must have findings; support the family takes part in (single
     * agency, a team) rests on their consent; a step up names the referral to children's social care.
     */
    private static Decision<EarlyHelpAssessmentEvent> complete(AssessmentCommand.Complete c, AssessmentState state) {
        EarlyHelpOutcome outcome = c.outcome();
        return mayChange(state, c.actor())
                .check(a -> a.completed().isEmpty(), a -> Refusal.conflict("assessment-completed", "the assessment was "
                        + "completed on " + a.completion().completedAt() + " with the outcome " + a.completion().outcome()))
                .check(a -> a.missingDomains().isEmpty(), a -> Refusal.conflict("domains-incomplete",
                        "record findings for every domain before completing: " + a.missingDomains().stream()
                                .map(AssessmentDomain::wireName).collect(Collectors.joining(", ")) + " missing"))
                .check(a -> !outcome.needsConsent() || Consent.GIVEN.equals(a.started().consent().status()),
                        a -> Refusal.conflict("consent-required", outcome.wireName() + " is support the family takes part "
                                + "in and rests on their consent, which was " + a.started().consent().status()
                                + ": conclude no-further-action or step-up, or start a new assessment when they consent"))
                .check(a -> outcome != EarlyHelpOutcome.STEP_UP || c.referralId() != null, a -> Refusal.invalid("referralId",
                        "required", "a step up names the referral made to children's social care"))
                .check(a -> outcome == EarlyHelpOutcome.STEP_UP || c.referralId() == null, a -> Refusal.invalid("referralId",
                        "step-up-only", "only a step up names a referral"))
                .then(a -> Decision.accept(new EarlyHelpAssessmentCompleted(a.started().assessmentId(), a.started().childId(),
                        a.latestVersion(), outcome.wireName(), c.reason(), c.referralId(), c.actor().subject(),
                        c.actor().agencyId(), c.at())));
    }

    /**
     * The team working from the assessment reviewed it at a plan review: it still stands, or was revised
     * (a version was recorded since it was last reviewed, or since it was completed).
     */
    private static Decision<EarlyHelpAssessmentEvent> review(AssessmentCommand.Review r, AssessmentState state) {
        if (!(state instanceof AssessmentState.Assessment a)
                || a.outcome().filter(o -> o == EarlyHelpOutcome.TEAM_AROUND_THE_CHILD).isEmpty()) {
            return Decision.refuse(Refusal.conflict("not-a-team-assessment",
                    "the team's assessment did not conclude team-around-the-child"));
        }
        Instant since = a.reviews().isEmpty() ? a.completion().completedAt()
                : a.reviews().get(a.reviews().size() - 1).reviewedAt();
        boolean newVersion = a.latest().map(l -> l.recordedAt().isAfter(since)).orElse(false);
        if (r.revised() && !newVersion) {
            return Decision.refuse(Refusal.conflict("no-revision", "no version of the early help assessment was recorded "
                    + "since it was last reviewed: record the revision first (POST /early-help-assessments/"
                    + a.started().assessmentId() + "/versions), or say it stands"));
        }
        return Decision.accept(new EarlyHelpAssessmentReviewed(a.started().assessmentId(), a.started().childId(), r.teamId(),
                r.reviewId(), r.heldOn(), r.revised(), a.latestVersion(), r.actor().subject(), r.at()));
    }

    /** The assessment, when the caller's agency started it or works from it in the team (not found otherwise). */
    private static Checked<AssessmentState.Assessment> mayChange(AssessmentState state, AssessmentActor actor) {
        return state instanceof AssessmentState.Assessment a && a.mayBeReadWhole(actor) ? Checked.pass(a)
                : Checked.stop(Refusal.notFound("no early help assessment is visible to the caller"));
    }

    private static EarlyHelpAssessmentRecorded recorded(UUID id, UUID child, int version, AssessmentContent c,
                                                        AssessmentActor actor, Instant now) {
        return new EarlyHelpAssessmentRecorded(id, child, version, c.domains(), c.childsVoice(), c.parentsViews(),
                actor.subject(), actor.agencyId(), now);
    }
}
