package org.joinedup.referral.earlyhelp;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.AssessmentDomain;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentStarted;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;
import org.joinedup.platform.http.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides what a command on an early help assessment records. Pure. The assessment is written by the
 * agency that started it and, once a Team Around the Child works from it, by the team's agencies; each
 * change is a new whole version, and none is changed afterwards.
 */
public final class AssessmentDecider {
    private AssessmentDecider() {
    }

    /**
     * Who is acting: the token's subject and agency, whether a safeguarding lead, and whether their agency
     * takes part in the team that works from the assessment.
     */
    public record Actor(String subject, String agencyId, boolean safeguardingLead, boolean inLinkedTeam) {
    }

    public static String streamId(UUID assessmentId) {
        return "early-help-assessment-" + assessmentId;
    }

    /** Starts an assessment with the family's consent decision; the first version when its content is given. */
    public static List<EventPayload> start(UUID assessmentId, UUID childId, Consent consent, UUID steppedDownFrom,
                                           AssessmentContent content, Actor actor, AssessmentState s, Instant now) {
        if (s.exists()) {
            throw ProblemException.conflict("assessment-exists", "assessment " + assessmentId + " already exists");
        }
        List<EventPayload> events = new ArrayList<>();
        events.add(new EarlyHelpAssessmentStarted(assessmentId, childId, consent, steppedDownFrom, actor.subject(),
                actor.agencyId(), now));
        if (content != null) {
            events.add(recorded(assessmentId, childId, 1, content, actor, now));
        }
        return events;
    }

    /** Records a new version; the same content as the latest records nothing. */
    public static List<EventPayload> record(AssessmentContent content, Actor actor, AssessmentState s, Instant now) {
        mayChange(s, actor);
        boolean same = s.latest().map(l -> l.domains().equals(content.domains())
                && java.util.Objects.equals(l.childsVoice(), content.childsVoice())
                && java.util.Objects.equals(l.parentsViews(), content.parentsViews())).orElse(false);
        if (same) {
            return List.of();
        }
        return List.of(recorded(s.started().assessmentId(), s.started().childId(), s.latestVersion() + 1, content, actor, now));
    }

    /**
     * Concludes the assessment: every domain must have findings; support the family takes part in (single
     * agency, a team) rests on their consent; a step up names the referral to children's social care.
     */
    public static List<EventPayload> complete(EarlyHelpOutcome outcome, String reason, UUID referralId, Actor actor,
                                              AssessmentState s, Instant now) {
        mayChange(s, actor);
        if (s.completed().isPresent()) {
            throw ProblemException.conflict("assessment-completed", "the assessment was completed on "
                    + s.completed().get().completedAt() + " with the outcome " + s.completed().get().outcome());
        }
        List<AssessmentDomain> missing = s.missingDomains();
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("domains-incomplete", "record findings for every domain before completing: "
                    + missing.stream().map(AssessmentDomain::wireName).collect(Collectors.joining(", ")) + " missing");
        }
        if (outcome.needsConsent() && !Consent.GIVEN.equals(s.started().consent().status())) {
            throw ProblemException.conflict("consent-required", outcome.wireName() + " is support the family takes part in "
                    + "and rests on their consent, which was " + s.started().consent().status()
                    + ": conclude no-further-action or step-up, or start a new assessment when they consent");
        }
        if (outcome == EarlyHelpOutcome.STEP_UP && referralId == null) {
            throw ProblemException.invalid("referralId", "required", "a step up names the referral made to children's social care");
        }
        if (outcome != EarlyHelpOutcome.STEP_UP && referralId != null) {
            throw ProblemException.invalid("referralId", "step-up-only", "only a step up names a referral");
        }
        return List.of(new EarlyHelpAssessmentCompleted(s.started().assessmentId(), s.started().childId(), s.latestVersion(),
                outcome.wireName(), reason, referralId, actor.subject(), actor.agencyId(), now));
    }

    /**
     * The team working from the assessment reviewed it at a plan review: it still stands, or was revised
     * (a version was recorded since it was last reviewed, or since it was completed).
     */
    public static List<EventPayload> review(UUID teamId, UUID reviewId, LocalDate heldOn, boolean revised, Actor actor,
                                            AssessmentState s, Instant now) {
        if (!s.exists() || s.outcome().filter(o -> o == EarlyHelpOutcome.TEAM_AROUND_THE_CHILD).isEmpty()) {
            throw ProblemException.conflict("not-a-team-assessment", "the team's assessment did not conclude "
                    + "team-around-the-child");
        }
        Instant since = s.reviews().isEmpty() ? s.completed().get().completedAt()
                : s.reviews().get(s.reviews().size() - 1).reviewedAt();
        boolean newVersion = s.latest().map(l -> l.recordedAt().isAfter(since)).orElse(false);
        if (revised && !newVersion) {
            throw ProblemException.conflict("no-revision", "no version of the early help assessment was recorded since it "
                    + "was last reviewed: record the revision first (POST /early-help-assessments/"
                    + s.started().assessmentId() + "/versions), or say it stands");
        }
        return List.of(new EarlyHelpAssessmentReviewed(s.started().assessmentId(), s.started().childId(), teamId, reviewId,
                heldOn, revised, s.latestVersion(), actor.subject(), now));
    }

    /** 404 unless the assessment exists and the caller's agency started it or works from it in the team. */
    static void mayChange(AssessmentState s, Actor actor) {
        if (!s.exists() || !(mayRead(s, actor))) {
            throw ProblemException.notFound("no early help assessment is visible to the caller");
        }
    }

    /** The assessing agency and the agencies of the team working from it read the whole assessment. */
    public static boolean mayRead(AssessmentState s, Actor actor) {
        return actor.agencyId() != null && (actor.agencyId().equals(s.started().startedByAgency()) || actor.inLinkedTeam());
    }

    private static EarlyHelpAssessmentRecorded recorded(UUID id, UUID child, int version, AssessmentContent c, Actor actor,
                                                        Instant now) {
        return new EarlyHelpAssessmentRecorded(id, child, version, c.domains(), c.childsVoice(), c.parentsViews(),
                actor.subject(), actor.agencyId(), now);
    }
}
