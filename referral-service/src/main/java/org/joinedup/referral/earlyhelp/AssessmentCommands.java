package org.joinedup.referral.earlyhelp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventPayload;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.StoredEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** Carries out early help assessment commands: decide, append, refresh the read model, in one transaction. */
@ApplicationScoped
public class AssessmentCommands {
    private final EventStore store;
    private final AssessmentViews views;

    public AssessmentCommands(EventStore store, AssessmentViews views) {
        this.store = store;
        this.views = views;
    }

    @Transactional
    public AssessmentState change(UUID assessmentId, String ifMatch, EventMetadata meta,
                                  BiFunction<AssessmentState, Instant, List<EventPayload>> decider) {
        EventStore.Decision d = store.decision(AssessmentDecider.streamId(assessmentId), ifMatch, meta,
                (past, now) -> decider.apply(AssessmentState.fold(past), now));
        AssessmentState s = AssessmentState.fold(d.events());
        if (d.changed()) {
            views.put(s);
        }
        return s;
    }

    /**
     * 422 unless the assessment is this child's and concluded team-around-the-child; 409 when another team
     * already works from it.
     */
    public void requireLinkable(UUID assessmentId, UUID childId, UUID teamId) {
        AssessmentState s = state(assessmentId);
        if (!s.exists() || !s.started().childId().equals(childId)) {
            throw org.joinedup.platform.http.ProblemException.unprocessable("assessmentId", "assessment-of-child",
                    "must be an early help assessment of the team's child");
        }
        if (s.outcome().filter(o -> o == org.joinedup.events.earlyhelp.EarlyHelpOutcome.TEAM_AROUND_THE_CHILD).isEmpty()) {
            throw org.joinedup.platform.http.ProblemException.unprocessable("assessmentId", "team-outcome",
                    "a team works from an assessment completed with the outcome team-around-the-child; this one is "
                            + s.completed().map(c -> "completed with " + c.outcome()).orElse("still in progress"));
        }
        views.teamOf(assessmentId).filter(t -> !t.equals(teamId)).ifPresent(other -> {
            throw org.joinedup.platform.http.ProblemException.conflict("assessment-linked",
                    "team " + other + " already works from this assessment");
        });
    }

    /** The team now works from the assessment (in the transaction that recorded the link). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linked(UUID assessmentId, UUID teamId) {
        views.linkTeam(assessmentId, teamId);
    }

    /** A plan review of the team working from the assessment reviewed it (in the review's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewed(UUID assessmentId, UUID teamId, UUID reviewId, java.time.LocalDate heldOn, boolean revised,
                         AssessmentDecider.Actor actor, EventMetadata meta) {
        change(assessmentId, null, meta, (s, now) -> AssessmentDecider.review(teamId, reviewId, heldOn, revised, actor, s, now));
    }

    public AssessmentState state(UUID assessmentId) {
        return AssessmentState.fold(store.readStream(AssessmentDecider.streamId(assessmentId)).stream()
                .map(StoredEvent::payload).toList());
    }
}
