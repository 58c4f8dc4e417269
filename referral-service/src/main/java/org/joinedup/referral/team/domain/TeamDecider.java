package org.joinedup.referral.team.domain;

import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.AssessmentLinked;
import org.joinedup.events.team.LeadProfessionalAssigned;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamAroundChildClosed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamEvent;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.referral.clock.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The rules of a Team Around the Child. The plan is changed by its coordinators, the lead professional
 * and safeguarding leads; an action's owner may also complete it. A caller whose agency takes no part
 * (and who is no safeguarding lead) is told the team does not exist. Like referrals, every command
 * first records what has fallen overdue by now.
 */
public final class TeamDecider implements Decider<TeamCommand, TeamState, TeamEvent> {
    /** Refused: only the lead professional or a safeguarding lead changes the plan. */
    public static final String COORDINATORS_ONLY = "coordinators-only";
    /** Refused: the team is closed; a later episode of early help is a new team. */
    public static final String TEAM_CLOSED = "team-closed";
    private final WorkingDays days;

    public TeamDecider(WorkingDays days) {
        this.days = days;
    }

    @Override
    public TeamState initialState() {
        return new TeamState.None();
    }

    @Override
    public TeamState evolve(TeamState state, TeamEvent event) {
        return TeamState.evolve(state, event);
    }

    @Override
    public Decision<TeamEvent> decide(TeamCommand command, TeamState state) {
        return switch (command) {
            case TeamCommand.Form f -> form(f, state);
            case TeamCommand.LinkAssessment l -> coordinator(state, l.actor()).then(t ->
                    t.assessmentId().filter(l.assessmentId()::equals).isPresent() ? Decision.none()
                            : Decision.accept(overdue(t, l.at()), new AssessmentLinked(t.teamId(), t.childId(),
                            l.assessmentId(), l.actor().subject(), l.at())));
            case TeamCommand.AddMember a -> coordinator(state, a.actor())
                    .check(t -> t.members().stream().noneMatch(m -> m.active() && m.practitioner()
                            && m.is(a.member().agencyId(), a.member().practitionerId())), t -> Refusal.conflict(
                            "already-member", "practitioner " + a.member().practitionerId() + " of "
                                    + a.member().agencyId() + " is already a member"))
                    .then(t -> Decision.accept(overdue(t, a.at()), new MemberAdded(t.teamId(), t.childId(), a.member(),
                            a.actor().subject(), a.at())));
            case TeamCommand.Leave l -> leave(l, state);
            case TeamCommand.AssignLead a -> assignLead(a, state);
            case TeamCommand.AgreeAction a -> coordinator(state, a.actor())
                    .check(t -> t.activeMember(a.ownerMemberId()).isPresent(), t -> Refusal.invalid("ownerMemberId",
                            "team-member", "the owner must be a current member of the team"))
                    .check(t -> !a.dueOn().isBefore(days.date(a.at())), t -> Refusal.invalid("dueOn", "not-in-past",
                            "must be today or later"))
                    .then(t -> Decision.accept(overdue(t, a.at()), new ActionAgreed(t.teamId(), t.childId(), a.actionId(),
                            a.description(), a.ownerMemberId(), a.dueOn(), a.actor().subject(), a.at())));
            case TeamCommand.CompleteAction c -> openAction(c.actionId(), c.actor(), state, true).then(ta ->
                    Decision.accept(overdue(ta.team(), c.at()), new ActionCompleted(ta.team().teamId(), ta.team().childId(),
                            c.actionId(), c.note(), c.actor().subject(), c.at())));
            case TeamCommand.ReassignAction r -> openAction(r.actionId(), r.actor(), state, false)
                    .check(ta -> ta.team().activeMember(r.ownerMemberId()).isPresent(), ta -> Refusal.invalid(
                            "ownerMemberId", "team-member", "the owner must be a current member of the team"))
                    .check(ta -> !r.ownerMemberId().equals(ta.action().owner()), ta -> Refusal.invalid("ownerMemberId",
                            "another-member", "already owns the action"))
                    .then(ta -> Decision.accept(overdue(ta.team(), r.at()), new ActionReassigned(ta.team().teamId(),
                            ta.team().childId(), r.actionId(), ta.action().owner(), r.ownerMemberId(), r.reason(),
                            r.actor().subject(), r.at())));
            case TeamCommand.CancelAction c -> openAction(c.actionId(), c.actor(), state, false).then(ta ->
                    Decision.accept(overdue(ta.team(), c.at()), new ActionCancelled(ta.team().teamId(), ta.team().childId(),
                            c.actionId(), c.reason(), c.actor().subject(), c.at())));
            case TeamCommand.Review r -> review(r, state);
            case TeamCommand.Close c -> coordinator(state, c.actor()).then(t -> Decision.accept(overdue(t, c.at()),
                    new TeamAroundChildClosed(t.teamId(), t.childId(), c.reason(), c.note(), c.actor().subject(),
                            c.actor().agencyId(), c.at())));
            case TeamCommand.RecordOverdue o -> state instanceof TeamState.Team t
                    ? Decision.accept(overdue(t, o.at())) : Decision.none();
        };
    }

    private Decision<TeamEvent> form(TeamCommand.Form f, TeamState state) {
        if (state instanceof TeamState.Team) {
            return Decision.refuse(Refusal.conflict("team-exists", "team " + f.teamId() + " already exists"));
        }
        List<TeamEvent> events = new ArrayList<>();
        events.add(new TeamAroundChildFormed(f.teamId(), f.childId(), f.referralId(), f.members(), f.reviewEveryWeeks(),
                days.date(f.at()).plusWeeks(f.reviewEveryWeeks()), f.actor().subject(), f.actor().agencyId(), f.at()));
        if (f.lead() != null) {
            events.add(new LeadProfessionalAssigned(f.teamId(), f.childId(), f.lead(), null, f.leadReason(),
                    f.actor().subject(), f.at()));
        }
        if (f.assessmentId() != null) {
            events.add(new AssessmentLinked(f.teamId(), f.childId(), f.assessmentId(), f.actor().subject(), f.at()));
        }
        return Decision.accept(events);
    }

    private Decision<TeamEvent> leave(TeamCommand.Leave l, TeamState state) {
        return coordinator(state, l.actor())
                .check(t -> t.activeMember(l.memberId()).isPresent(), t -> Refusal.notFound(
                        "no current member " + l.memberId() + " in team " + t.teamId()))
                .check(t -> t.leadProfessional().filter(l.memberId()::equals).isEmpty(), t -> Refusal.conflict(
                        "lead-professional", "member " + l.memberId()
                                + " is the lead professional: assign another lead professional first"))
                .check(t -> ownedOpenActions(t, l.memberId()) == 0, t -> Refusal.conflict("member-owns-actions",
                        "member " + l.memberId() + " owns " + ownedOpenActions(t, l.memberId())
                                + " open action(s): reassign or cancel them first"))
                .then(t -> Decision.accept(overdue(t, l.at()), new MemberLeft(t.teamId(), t.childId(), l.memberId(),
                        l.reason(), l.actor().subject(), l.at())));
    }

    private Decision<TeamEvent> assignLead(TeamCommand.AssignLead a, TeamState state) {
        return coordinator(state, a.actor())
                .check(t -> t.activeMember(a.memberId()).isPresent(), t -> Refusal.invalid("memberId", "team-member",
                        "must be a current member of the team"))
                .check(t -> t.activeMember(a.memberId()).orElseThrow().practitioner(), t -> Refusal.invalid("memberId",
                        "practitioner-member", "the lead professional is a practitioner; parents and carers are members "
                                + "but not lead professional"))
                .then(t -> {
                    Optional<UUID> current = t.leadProfessional();
                    if (current.filter(a.memberId()::equals).isPresent()) {
                        return Decision.none(); // already the lead professional: a repeat records nothing
                    }
                    return Decision.accept(overdue(t, a.at()), new LeadProfessionalAssigned(t.teamId(), t.childId(),
                            a.memberId(), current.orElse(null), a.reason(), a.actor().subject(), a.at()));
                });
    }

    private Decision<TeamEvent> review(TeamCommand.Review r, TeamState state) {
        return coordinator(state, r.actor()).then(t -> {
            LocalDate today = days.date(r.at());
            if (r.heldOn().isAfter(today)) {
                return Decision.refuse(Refusal.invalid("heldOn", "not-in-future", "must be today or earlier"));
            }
            if (r.heldOn().isBefore(days.date(t.formed().formedAt()))) {
                return Decision.refuse(Refusal.invalid("heldOn", "not-before-team", "must not be before the team was formed"));
            }
            for (int i = 0; i < r.attendees().size(); i++) {
                if (t.member(r.attendees().get(i)).isEmpty()) {
                    return Decision.refuse(Refusal.invalid("attendees[" + i + "]", "team-member", "must be a member of the team"));
                }
            }
            LocalDate next = r.nextReviewBy() != null ? r.nextReviewBy() : r.heldOn().plusWeeks(t.formed().reviewEveryWeeks());
            if (!next.isAfter(r.heldOn()) || next.isBefore(today)) {
                return Decision.refuse(Refusal.invalid("nextReviewBy", "after-review",
                        "must be after the review and not in the past"));
            }
            return Decision.accept(overdue(t, r.at()), new PlanReviewed(t.teamId(), t.childId(), UUID.randomUUID(), r.heldOn(),
                    r.attendees(), r.decisions(), next, r.actor().subject(), r.at(), r.wellbeing()));
        });
    }

    /** Open actions whose due date has passed, and a review that fell due without being held: once each. */
    public List<TeamEvent> overdue(TeamState.Team t, Instant now) {
        List<TeamEvent> events = new ArrayList<>();
        if (!t.open()) {
            return events; // a closed team's clocks stopped with it
        }
        for (TeamState.Action a : t.actions()) {
            if (a.open() && !a.overdueRecorded() && !now.isBefore(days.endOf(a.agreed().dueOn()))) {
                events.add(new ActionOverdue(t.teamId(), t.childId(), a.agreed().actionId(), a.owner(), a.agreed().dueOn(), now));
            }
        }
        LocalDate due = t.nextReviewBy();
        if (due != null && !t.reviewMissedFor(due) && !now.isBefore(days.endOf(due))) {
            events.add(new PlanReviewMissed(t.teamId(), t.childId(), due, now));
        }
        return events;
    }

    /** When the next action or review falls overdue that has not been recorded so; empty when none. */
    public static Optional<Instant> nextDue(TeamState.Team t, WorkingDays days) {
        if (!t.open()) {
            return Optional.empty();
        }
        Stream<Instant> actions = t.actions().stream().filter(a -> a.open() && !a.overdueRecorded())
                .map(a -> days.endOf(a.agreed().dueOn()));
        LocalDate review = t.nextReviewBy();
        Stream<Instant> reviews = review == null || t.reviewMissedFor(review) ? Stream.empty() : Stream.of(days.endOf(review));
        return Stream.concat(actions, reviews).min(Comparator.naturalOrder());
    }

    /** The team, when the caller may know of it (not found otherwise) and it is not closed (conflict). */
    private static Checked<TeamState.Team> visible(TeamState state, TeamActor actor) {
        return (state instanceof TeamState.Team t && t.visibleTo(actor) ? Checked.pass(t)
                : Checked.<TeamState.Team>stop(Refusal.notFound("no Team Around the Child is visible to the caller")))
                .check(TeamState.Team::open, t -> Refusal.conflict(TEAM_CLOSED, "team " + t.teamId() + " was closed ("
                        + t.closed().reason() + ") on " + t.closed().closedAt() + "; a new episode of early help forms a new team"));
    }

    /** {@link #visible}, and the caller coordinates the plan: its lead professional or a safeguarding lead. */
    private static Checked<TeamState.Team> coordinator(TeamState state, TeamActor actor) {
        return visible(state, actor).check(t -> actor.safeguardingLead() || t.isLeadProfessional(actor.agencyId(),
                actor.subject()), t -> Refusal.forbidden(COORDINATORS_ONLY,
                "only the team's lead professional or a safeguarding lead may change the plan"));
    }

    /** The team and one of its actions, as the caller may close or change it. */
    record TeamAction(TeamState.Team team, TeamState.Action action) {
    }

    /** An open action the caller coordinates (or, where {@code ownerMay}, owns). */
    private static Checked<TeamAction> openAction(UUID actionId, TeamActor actor, TeamState state, boolean ownerMay) {
        return visible(state, actor)
                .andThen(t -> t.action(actionId).map(a -> Checked.pass(new TeamAction(t, a)))
                        .orElseGet(() -> Checked.stop(Refusal.notFound("no action " + actionId))))
                .andThen(ta -> {
                    boolean owner = ownerMay && ta.team().member(ta.action().owner())
                            .map(m -> m.is(actor.agencyId(), actor.subject())).orElse(false);
                    return owner ? Checked.pass(ta) : coordinator(ta.team(), actor).andThen(t -> Checked.pass(ta));
                })
                .check(ta -> ta.action().open(), ta -> Refusal.conflict("action-" + ta.action().status().wireName(),
                        "action " + actionId + " is " + ta.action().status().wireName()));
    }

    private static long ownedOpenActions(TeamState.Team t, UUID memberId) {
        return t.actions().stream().filter(a -> a.open() && a.owner().equals(memberId)).count();
    }
}
