package org.joinedup.referral.protection.domain;

import org.joinedup.events.WireNamed;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ChildProtectionClockOverdue;
import org.joinedup.events.protection.ChildProtectionEvent;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.CoreGroupMet;
import org.joinedup.events.protection.EnquiryConcluded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ProtectionVocabulary.EnquiryOutcome;
import org.joinedup.events.protection.ProtectionVocabulary.PlanEnd;
import org.joinedup.events.protection.ProtectionVocabulary.StrategyDecision;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.protection.StrategyDiscussionRecorded;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.referral.clock.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The child protection pathway after the front door (Working Together 2023), one episode per stream:
 * <ol>
 * <li>a strategy discussion, convened by children's social care with at least the police and health taking
 * part, decides a section 47 enquiry, an assessment of a child in need, or no further action;</li>
 * <li>the enquiry concludes not substantiated, substantiated without continuing risk, or substantiated with
 * continuing risk, which calls an initial child protection conference within 15 working days of the strategy
 * discussion;</li>
 * <li>the conference decides a child protection plan (one or more categories, a lead social worker) or none;
 * the core group first meets within 10 working days of it; the first review conference is within three
 * months, then at most every six months;</li>
 * <li>the plan ends by a review conference's decision, a move to another area, or the child turning 18.</li>
 * </ol>
 * Only children's social care records these steps (any other agency: forbidden, {@code statutory-duty});
 * only the local authority that holds the episode changes it (any other: not found). Every command first
 * records the clocks that ran out, once each.
 */
public final class ChildProtectionDecider implements Decider<ChildProtectionCommand, ChildProtectionState, ChildProtectionEvent> {
    public static final String STATUTORY_DUTY = "statutory-duty";
    private static final Set<String> HEALTH = Set.of(AgencyKind.HEALTH.wireName(), AgencyKind.GENERAL_PRACTICE.wireName());
    private final WorkingDays days;
    private final int conferenceWorkingDays;
    private final int coreGroupWorkingDays;
    private final int firstReviewMonths;
    private final int reviewEveryMonths;

    public ChildProtectionDecider(WorkingDays days, int conferenceWorkingDays, int coreGroupWorkingDays, int firstReviewMonths,
                                  int reviewEveryMonths) {
        this.days = days;
        this.conferenceWorkingDays = conferenceWorkingDays;
        this.coreGroupWorkingDays = coreGroupWorkingDays;
        this.firstReviewMonths = firstReviewMonths;
        this.reviewEveryMonths = reviewEveryMonths;
    }

    /** The timescales of Working Together 2023: 15 and 10 working days, three months, six months. */
    public static ChildProtectionDecider statutory(WorkingDays days) {
        return new ChildProtectionDecider(days, 15, 10, 3, 6);
    }

    @Override
    public ChildProtectionState initialState() {
        return new ChildProtectionState.None();
    }

    @Override
    public ChildProtectionState evolve(ChildProtectionState state, ChildProtectionEvent event) {
        return ChildProtectionState.evolve(state, event);
    }

    @Override
    public Decision<ChildProtectionEvent> decide(ChildProtectionCommand command, ChildProtectionState state) {
        return switch (command) {
            case ChildProtectionCommand.RecordStrategyDiscussion s -> strategy(s, state);
            case ChildProtectionCommand.ConcludeEnquiry c -> episode(state, c.actor())
                    .check(e -> e.stage() == ChildProtectionState.Stage.ENQUIRY, e -> Refusal.conflict("no-enquiry-open",
                            "the episode has no section 47 enquiry awaiting its outcome (it is at " + e.stage().wireName() + ")"))
                    .then(e -> Decision.accept(overdue(e, c.at()), new EnquiryConcluded(e.episodeId(), e.childId(),
                            e.localAuthority(), c.outcome().wireName(), c.summary(),
                            c.outcome() == EnquiryOutcome.SUBSTANTIATED_CONTINUING_RISK
                                    ? days.dueBy(e.strategy().heldAt(), conferenceWorkingDays) : null,
                            c.actor().person(), c.at())));
            case ChildProtectionCommand.HoldInitialConference c -> conference(c, state);
            case ChildProtectionCommand.RecordCoreGroup g -> plan(state, g.actor())
                    .andThen(e -> notFutureNorBefore(e, g.heldAt(), e.conference().heldAt(), "not-before-conference",
                            "the initial conference", g.at()))
                    .then(e -> Decision.accept(overdue(e, g.at()), new CoreGroupMet(e.episodeId(), e.childId(),
                            e.localAuthority(), g.heldAt(), g.agencies(), g.actor().person(), g.at())));
            case ChildProtectionCommand.HoldReviewConference r -> review(r, state);
            case ChildProtectionCommand.EndPlan end -> plan(state, end.actor())
                    .check(e -> end.reason() != PlanEnd.REVIEW_CONFERENCE, e -> Refusal.invalid("reason", "one-of",
                            "a review conference ends a plan by its own decision: record the review conference"))
                    .then(e -> Decision.accept(overdue(e, end.at()), new ChildProtectionPlanEnded(e.episodeId(), e.childId(),
                            e.localAuthority(), end.reason().wireName(), end.note(), end.actor().person(), end.at())));
            case ChildProtectionCommand.RecordOverdue o -> state instanceof ChildProtectionState.Episode e
                    ? Decision.accept(overdue(e, o.at())) : Decision.none();
        };
    }

    private Decision<ChildProtectionEvent> strategy(ChildProtectionCommand.RecordStrategyDiscussion s, ChildProtectionState state) {
        if (!s.actor().statutoryDuty()) {
            return Decision.refuse(dutyRefusal(s.actor()));
        }
        if (state instanceof ChildProtectionState.Episode) {
            return Decision.refuse(Refusal.conflict("episode-exists", "episode " + s.episodeId() + " was already opened"));
        }
        if (s.heldAt().isAfter(s.at())) {
            return Decision.refuse(Refusal.invalid("heldAt", "not-in-future", "must not be in the future"));
        }
        List<Attendance> present = s.attendance().stream().filter(Attendance::attended).toList();
        boolean police = present.stream().anyMatch(a -> AgencyKind.POLICE.wireName().equals(a.kind()));
        boolean health = present.stream().anyMatch(a -> HEALTH.contains(a.kind()));
        if (!police || !health) {
            return Decision.refuse(Refusal.invalid("attendance", "police-and-health", "a strategy discussion takes part with "
                    + "at least the police and health; " + (police ? "" : "no police agency ") + (!police && !health ? "and " : "")
                    + (health ? "" : "no health agency ") + "took part"));
        }
        return Decision.accept(new StrategyDiscussionRecorded(s.episodeId(), s.childId(), s.actor().agency(), s.triageId(),
                s.heldAt(), s.attendance(), s.decision().wireName(), s.reason(), s.actor().person(), s.at()));
    }

    private Decision<ChildProtectionEvent> conference(ChildProtectionCommand.HoldInitialConference c, ChildProtectionState state) {
        return episode(state, c.actor())
                .check(e -> e.stage() == ChildProtectionState.Stage.AWAITING_CONFERENCE, e -> Refusal.conflict(
                        "no-conference-called", "an initial child protection conference follows an enquiry that found a "
                                + "continuing risk; the episode is at " + e.stage().wireName()))
                .andThen(e -> notFutureNorBefore(e, c.heldAt(), e.strategy().heldAt(), "not-before-strategy-discussion",
                        "the strategy discussion", c.at()))
                .check(e -> c.categories().isEmpty() || c.leadSocialWorker() != null, e -> Refusal.invalid("leadSocialWorker",
                        "required-with-plan", "a child protection plan names its lead social worker"))
                .check(e -> !c.categories().isEmpty() || c.leadSocialWorker() == null, e -> Refusal.invalid("leadSocialWorker",
                        "plan-only", "only a plan names a lead social worker; no categories were given"))
                .then(e -> {
                    boolean plan = !c.categories().isEmpty();
                    LocalDate conferenceDay = days.date(c.heldAt());
                    return Decision.accept(overdue(e, c.at()), new InitialConferenceHeld(e.episodeId(), e.childId(),
                            e.localAuthority(), c.heldAt(), c.agencies(), c.parentsAttended(), c.childAttended(),
                            plan ? "child-protection-plan" : "no-plan", c.categories().stream().map(WireNamed::wireName).toList(),
                            c.leadSocialWorker(), plan ? days.dueBy(c.heldAt(), coreGroupWorkingDays) : null,
                            plan ? conferenceDay.plusMonths(firstReviewMonths) : null, c.actor().person(), c.at()));
                });
    }

    private Decision<ChildProtectionEvent> review(ChildProtectionCommand.HoldReviewConference r, ChildProtectionState state) {
        return plan(state, r.actor())
                .andThen(e -> notFutureNorBefore(e, r.heldAt(), e.conference().heldAt(), "not-before-conference",
                        "the initial conference", r.at()))
                .check(e -> r.endPlan() || !r.categories().isEmpty(), e -> Refusal.invalid("categories", "required-with-plan",
                        "a plan that continues names its categories"))
                .then(e -> {
                    List<ChildProtectionEvent> events = new ArrayList<>(overdue(e, r.at()));
                    events.add(new ReviewConferenceHeld(e.episodeId(), e.childId(), e.localAuthority(), r.heldAt(),
                            r.endPlan() ? "end-plan" : "continue-plan", r.categories().stream().map(WireNamed::wireName).toList(),
                            r.endPlan() ? null : days.date(r.heldAt()).plusMonths(reviewEveryMonths), r.actor().person(), r.at()));
                    if (r.endPlan()) {
                        events.add(new ChildProtectionPlanEnded(e.episodeId(), e.childId(), e.localAuthority(),
                                PlanEnd.REVIEW_CONFERENCE.wireName(), null, r.actor().person(), r.at()));
                    }
                    return Decision.accept(events);
                });
    }

    /**
     * The overdue events of the clocks that ran out by {@code now} with nothing recorded: the initial conference,
     * the first core group, the next review conference; each once per deadline.
     */
    public List<ChildProtectionEvent> overdue(ChildProtectionState.Episode e, Instant now) {
        List<ChildProtectionEvent> events = new ArrayList<>();
        if (e.stage() == ChildProtectionState.Stage.AWAITING_CONFERENCE) {
            due(e, ChildProtectionClockOverdue.INITIAL_CONFERENCE, e.enquiry().conferenceDueBy(), now, events);
        }
        if (e.stage() == ChildProtectionState.Stage.PLAN) {
            if (e.coreGroups().isEmpty()) {
                due(e, ChildProtectionClockOverdue.CORE_GROUP, e.conference().coreGroupDueBy(), now, events);
            }
            due(e, ChildProtectionClockOverdue.REVIEW_CONFERENCE, days.endOf(e.nextReviewDueBy()), now, events);
        }
        return events;
    }

    /** The deadlines now running that have not been recorded overdue, soonest first: when the sweep must look again. */
    public List<Instant> pending(ChildProtectionState.Episode e) {
        List<Instant> pending = new ArrayList<>();
        if (e.stage() == ChildProtectionState.Stage.AWAITING_CONFERENCE) {
            pendingIf(e, ChildProtectionClockOverdue.INITIAL_CONFERENCE, e.enquiry().conferenceDueBy(), pending);
        }
        if (e.stage() == ChildProtectionState.Stage.PLAN) {
            if (e.coreGroups().isEmpty()) {
                pendingIf(e, ChildProtectionClockOverdue.CORE_GROUP, e.conference().coreGroupDueBy(), pending);
            }
            pendingIf(e, ChildProtectionClockOverdue.REVIEW_CONFERENCE, days.endOf(e.nextReviewDueBy()), pending);
        }
        pending.sort(null);
        return pending;
    }

    private static void pendingIf(ChildProtectionState.Episode e, String clock, Instant dueBy, List<Instant> pending) {
        if (!e.overdueRecorded().contains(ChildProtectionState.Episode.key(clock, dueBy))) {
            pending.add(dueBy);
        }
    }

    private static void due(ChildProtectionState.Episode e, String clock, Instant dueBy, Instant now,
                            List<ChildProtectionEvent> events) {
        if (!now.isBefore(dueBy) && !e.overdueRecorded().contains(ChildProtectionState.Episode.key(clock, dueBy))) {
            events.add(new ChildProtectionClockOverdue(e.episodeId(), e.childId(), e.localAuthority(), clock, dueBy, now));
        }
    }

    /** The episode, when the actor is children's social care (forbidden otherwise) and holds it (not found otherwise). */
    private static Checked<ChildProtectionState.Episode> episode(ChildProtectionState state, ChildProtectionCommand.Actor actor) {
        if (!actor.statutoryDuty()) {
            return Checked.stop(dutyRefusal(actor));
        }
        if (!(state instanceof ChildProtectionState.Episode e) || !e.localAuthority().equals(actor.agency())) {
            return Checked.stop(Refusal.notFound("no child protection episode is held by agency " + actor.agency()));
        }
        return Checked.pass(e);
    }

    /** {@link #episode} with a plan in force. */
    private static Checked<ChildProtectionState.Episode> plan(ChildProtectionState state, ChildProtectionCommand.Actor actor) {
        return episode(state, actor).check(e -> e.stage() == ChildProtectionState.Stage.PLAN, e -> Refusal.conflict(
                "no-plan", "the episode has no child protection plan in force (it is at " + e.stage().wireName() + ")"));
    }

    private static Checked<ChildProtectionState.Episode> notFutureNorBefore(ChildProtectionState.Episode e, Instant heldAt,
                                                                          Instant notBefore, String rule, String what,
                                                                          Instant now) {
        if (heldAt.isAfter(now)) {
            return Checked.stop(Refusal.invalid("heldAt", "not-in-future", "must not be in the future"));
        }
        if (heldAt.isBefore(notBefore)) {
            return Checked.stop(Refusal.invalid("heldAt", rule, "must not be before " + what + " (" + notBefore + ")"));
        }
        return Checked.pass(e);
    }

    private static Refusal dutyRefusal(ChildProtectionCommand.Actor actor) {
        return Refusal.forbidden(STATUTORY_DUTY, "strategy discussions, section 47 enquiries, child protection conferences "
                + "and plans are recorded by children's social care (Children Act 1989 s47); agency " + actor.agency()
                + " is not");
    }
}
