package org.joinedup.referral.care.domain;

import org.joinedup.events.care.ChildInNeedEvent;
import org.joinedup.events.care.ChildInNeedPlanEnded;
import org.joinedup.events.care.ChildInNeedPlanReviewed;
import org.joinedup.events.care.ChildInNeedPlanStarted;
import org.joinedup.events.care.ChildInNeedReviewOverdue;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.referral.clock.WorkingDays;

import java.time.Instant;
import java.util.List;

/**
 * A child in need plan (Children Act 1989 s17): made by the child's local authority (children's social care;
 * any other agency: forbidden, {@code statutory-duty}) with a named lead social worker, reviewed at most
 * {@code reviewEveryMonths} months apart (the end of the day that many months after the start or the last
 * review), ended with a reason. Only the local authority holding the plan changes it (any other: not found).
 * Every command first records a review that fell due with none held, once.
 */
public final class ChildInNeedDecider implements Decider<ChildInNeedCommand, ChildInNeedState, ChildInNeedEvent> {
    private final WorkingDays days;
    private final int reviewEveryMonths;

    public ChildInNeedDecider(WorkingDays days, int reviewEveryMonths) {
        this.days = days;
        this.reviewEveryMonths = reviewEveryMonths;
    }

    @Override
    public ChildInNeedState initialState() {
        return new ChildInNeedState.None();
    }

    @Override
    public ChildInNeedState evolve(ChildInNeedState state, ChildInNeedEvent event) {
        return ChildInNeedState.evolve(state, event);
    }

    @Override
    public Decision<ChildInNeedEvent> decide(ChildInNeedCommand command, ChildInNeedState state) {
        return switch (command) {
            case ChildInNeedCommand.Start s -> start(s, state);
            case ChildInNeedCommand.Review r -> open(state, r.actor())
                    .andThen(p -> CareRules.when(p, "heldAt", r.heldAt(), p.lastHeld(), "not-before-last-review",
                            "the plan's start or its last review", r.at()))
                    .then(p -> Decision.accept(overdue(p, r.at()), new ChildInNeedPlanReviewed(p.started().planId(),
                            p.started().childId(), p.started().localAuthority(), r.heldAt(), r.summary(), nextReview(r.heldAt()),
                            r.actor().person())));
            case ChildInNeedCommand.End e -> open(state, e.actor()).then(p -> Decision.accept(overdue(p, e.at()),
                    new ChildInNeedPlanEnded(p.started().planId(), p.started().childId(), p.started().localAuthority(),
                            e.reason().wireName(), e.note(), e.at(), e.actor().person())));
            case ChildInNeedCommand.RecordOverdue o -> state instanceof ChildInNeedState.Plan p
                    ? Decision.accept(overdue(p, o.at())) : Decision.none();
        };
    }

    private Decision<ChildInNeedEvent> start(ChildInNeedCommand.Start s, ChildInNeedState state) {
        if (!s.actor().socialCare()) {
            return Decision.refuse(CareRules.duty("a child in need plan (Children Act 1989 s17)",
                    "the child's local authority (children's social care)", s.actor()));
        }
        if (state instanceof ChildInNeedState.Plan) {
            return Decision.refuse(Refusal.conflict("plan-exists", "plan " + s.planId() + " was already started"));
        }
        return CareRules.when(s, "startedAt", s.startedAt(), null, null, null, s.at()).then(x -> Decision.accept(
                new ChildInNeedPlanStarted(s.planId(), s.childId(), s.actor().agency(), s.referralId(), s.leadSocialWorker(),
                        s.summary(), s.startedAt(), nextReview(s.startedAt()), s.actor().person())));
    }

    /** The end of the day {@code reviewEveryMonths} months after {@code from}, in England's time. */
    private Instant nextReview(Instant from) {
        return days.endOf(days.date(from).plusMonths(reviewEveryMonths));
    }

    /** The review that fell due by {@code now} with none held, not yet recorded. */
    public static List<ChildInNeedEvent> overdue(ChildInNeedState.Plan p, Instant now) {
        Instant due = p.pendingReview();
        return due == null || now.isBefore(due) ? List.of() : List.of(new ChildInNeedReviewOverdue(p.started().planId(),
                p.started().childId(), p.started().localAuthority(), due, now));
    }

    /** The plan, when it exists and the caller's agency holds it (not found otherwise), and in force (conflict). */
    private static Checked<ChildInNeedState.Plan> open(ChildInNeedState state, CareActor actor) {
        return (state instanceof ChildInNeedState.Plan p && p.started().localAuthority().equals(actor.agency())
                ? Checked.pass(p) : Checked.<ChildInNeedState.Plan>stop(Refusal.notFound("no child in need plan is held by "
                + "agency " + actor.agency())))
                .check(ChildInNeedState.Plan::open, p -> Refusal.conflict("plan-ended", "the plan ended ("
                        + p.ended().reason() + ")"));
    }
}
