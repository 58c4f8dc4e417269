package org.joinedup.referral.earlyhelp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentEvent;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.Refused;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.referral.earlyhelp.domain.AssessmentActor;
import org.joinedup.referral.earlyhelp.domain.AssessmentCommand;
import org.joinedup.referral.earlyhelp.domain.AssessmentDecider;
import org.joinedup.referral.earlyhelp.domain.AssessmentState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Runs early help assessment commands through the {@link CommandHandler}, keeping the read model in the same transaction. */
@ApplicationScoped
public class AssessmentCommands {
    private final CommandHandler handler;
    private final AssessmentViews views;
    private final StreamKind<AssessmentCommand, AssessmentState, EarlyHelpAssessmentEvent> assessments;

    public AssessmentCommands(CommandHandler handler, AssessmentViews views) {
        this.handler = handler;
        this.views = views;
        this.assessments = StreamKind.of("early-help-assessment-", EarlyHelpAssessmentEvent.class, new AssessmentDecider())
                .keeping((state, appended) -> views.put((AssessmentState.Assessment) state));
    }

    @Transactional
    public AssessmentState.Assessment start(EventMetadata meta, UUID assessmentId,
                                            Function<Instant, AssessmentCommand.Start> command) {
        return (AssessmentState.Assessment) handler.start(assessments, assessmentId, meta, command).state();
    }

    /** A change, at the version the caller expects; the command is made knowing the assessment as it now is. */
    @Transactional
    public Handled<AssessmentState> change(UUID assessmentId, ExpectedVersion expected, EventMetadata meta,
                                           BiFunction<AssessmentState, Instant, AssessmentCommand> command) {
        return handler.handle(assessments, assessmentId, expected, meta, command);
    }

    /**
     * Unusable unless the assessment is this child's and concluded team-around-the-child; a conflict when
     * another team already works from it.
     */
    public void requireLinkable(UUID assessmentId, UUID childId, UUID teamId) {
        AssessmentState state = state(assessmentId);
        if (!(state instanceof AssessmentState.Assessment s) || !s.started().childId().equals(childId)) {
            throw new Refused(Refusal.unusable("assessmentId", "assessment-of-child",
                    "must be an early help assessment of the team's child"));
        }
        if (s.outcome().filter(o -> o == EarlyHelpOutcome.TEAM_AROUND_THE_CHILD).isEmpty()) {
            throw new Refused(Refusal.unusable("assessmentId", "team-outcome",
                    "a team works from an assessment completed with the outcome team-around-the-child; this one is "
                            + s.completed().map(c -> "completed with " + c.outcome()).orElse("still in progress")));
        }
        views.teamOf(assessmentId).filter(t -> !t.equals(teamId)).ifPresent(other -> {
            throw new Refused(Refusal.conflict("assessment-linked", "team " + other + " already works from this assessment"));
        });
    }

    /** The team now works from the assessment (in the transaction that recorded the link). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linked(UUID assessmentId, UUID teamId) {
        views.linkTeam(assessmentId, teamId);
    }

    /** A plan review of the team working from the assessment reviewed it (in the review's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewed(UUID assessmentId, UUID teamId, UUID reviewId, LocalDate heldOn, boolean revised,
                         AssessmentActor actor, EventMetadata meta) {
        handler.handle(assessments, assessmentId, ExpectedVersion.any(), meta,
                now -> new AssessmentCommand.Review(teamId, reviewId, heldOn, revised, actor, now));
    }

    public AssessmentState state(UUID assessmentId) {
        return handler.read(assessments, assessmentId).state();
    }
}
