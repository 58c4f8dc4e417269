package org.joinedup.referral.team;

import org.joinedup.events.EventPayload;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.LeadProfessionalAssigned;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.WellbeingRating;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.http.ProblemException;
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
 * Decides what a command on a Team Around the Child records. Pure. The plan is changed by its
 * coordinators, the lead professional and safeguarding leads; an action's owner may also complete it.
 * Like referrals, every command first records what has fallen overdue by now.
 */
public final class TeamDecider {
    private TeamDecider() {
    }

    /** Who is acting: the token's subject and agency, and whether they hold the safeguarding-lead role. */
    public record Actor(String subject, String agencyId, boolean safeguardingLead) {
    }

    public static String streamId(UUID teamId) {
        return "team-" + teamId;
    }

    /** Forms a team; {@code lead} (one of {@code members}, a practitioner) becomes lead professional when given. */
    public static List<EventPayload> form(UUID teamId, UUID childId, UUID referralId, List<TeamMember> members, UUID lead,
                                          String leadReason, int reviewEveryWeeks, Actor actor, TeamState s,
                                          WorkingDays days, Instant now) {
        if (s.exists()) {
            throw ProblemException.conflict("team-exists", "team " + teamId + " already exists");
        }
        List<EventPayload> events = new ArrayList<>();
        events.add(new TeamAroundChildFormed(teamId, childId, referralId, members, reviewEveryWeeks,
                days.date(now).plusWeeks(reviewEveryWeeks), actor.subject(), actor.agencyId(), now));
        if (lead != null) {
            events.add(new LeadProfessionalAssigned(teamId, childId, lead, null, leadReason, actor.subject(), now));
        }
        return events;
    }

    /** Forms a team that works from an early help assessment (already checked: the child's, concluded team-around-the-child). */
    public static List<EventPayload> form(UUID teamId, UUID childId, UUID referralId, List<TeamMember> members, UUID lead,
                                          String leadReason, int reviewEveryWeeks, UUID assessmentId, Actor actor, TeamState s,
                                          WorkingDays days, Instant now) {
        List<EventPayload> events = new ArrayList<>(form(teamId, childId, referralId, members, lead, leadReason,
                reviewEveryWeeks, actor, s, days, now));
        if (assessmentId != null) {
            events.add(new org.joinedup.events.team.AssessmentLinked(teamId, childId, assessmentId, actor.subject(), now));
        }
        return events;
    }

    /** The team works from this early help assessment from now on; linking the one it already works from records nothing. */
    public static List<EventPayload> linkAssessment(UUID assessmentId, Actor actor, TeamState s, WorkingDays days, Instant now) {
        coordinator(s, actor);
        if (s.assessmentId().filter(assessmentId::equals).isPresent()) {
            return List.of();
        }
        return with(overdue(s, days, now), new org.joinedup.events.team.AssessmentLinked(id(s), child(s), assessmentId,
                actor.subject(), now));
    }

    public static List<EventPayload> addMember(TeamMember member, Actor actor, TeamState s, WorkingDays days, Instant now) {
        coordinator(s, actor);
        boolean already = s.members().stream().anyMatch(m -> m.active() && m.practitioner()
                && m.is(member.agencyId(), member.practitionerId()));
        if (already) {
            throw ProblemException.conflict("already-member", "practitioner " + member.practitionerId() + " of "
                    + member.agencyId() + " is already a member");
        }
        return with(overdue(s, days, now), new MemberAdded(id(s), child(s), member, actor.subject(), now));
    }

    public static List<EventPayload> leave(UUID memberId, String reason, Actor actor, TeamState s, WorkingDays days, Instant now) {
        coordinator(s, actor);
        s.activeMember(memberId).orElseThrow(() -> ProblemException.notFound("no current member " + memberId + " in team " + id(s)));
        if (s.leadProfessional().filter(memberId::equals).isPresent()) {
            throw ProblemException.conflict("lead-professional", "member " + memberId
                    + " is the lead professional: assign another lead professional first");
        }
        long owned = s.actions().stream().filter(a -> a.open() && a.owner().equals(memberId)).count();
        if (owned > 0) {
            throw ProblemException.conflict("member-owns-actions", "member " + memberId + " owns " + owned
                    + " open action(s): reassign or cancel them first");
        }
        return with(overdue(s, days, now), new MemberLeft(id(s), child(s), memberId, reason, actor.subject(), now));
    }

    public static List<EventPayload> assignLead(UUID memberId, String reason, Actor actor, TeamState s, WorkingDays days,
                                                Instant now) {
        coordinator(s, actor);
        TeamState.Member m = s.activeMember(memberId).orElseThrow(() ->
                ProblemException.invalid("memberId", "team-member", "must be a current member of the team"));
        if (!m.practitioner()) {
            throw ProblemException.invalid("memberId", "practitioner-member",
                    "the lead professional is a practitioner; parents and carers are members but not lead professional");
        }
        Optional<UUID> current = s.leadProfessional();
        if (current.filter(memberId::equals).isPresent()) {
            return List.of(); // already the lead professional: a repeat records nothing
        }
        return with(overdue(s, days, now), new LeadProfessionalAssigned(id(s), child(s), memberId, current.orElse(null),
                reason, actor.subject(), now));
    }

    public static List<EventPayload> agreeAction(UUID actionId, String description, UUID owner, LocalDate dueOn, Actor actor,
                                                 TeamState s, WorkingDays days, Instant now) {
        coordinator(s, actor);
        if (s.activeMember(owner).isEmpty()) {
            throw ProblemException.invalid("ownerMemberId", "team-member", "the owner must be a current member of the team");
        }
        if (dueOn.isBefore(days.date(now))) {
            throw ProblemException.invalid("dueOn", "not-in-past", "must be today or later");
        }
        return with(overdue(s, days, now), new ActionAgreed(id(s), child(s), actionId, description, owner, dueOn,
                actor.subject(), now));
    }

    /** The owner, the lead professional or a safeguarding lead marks an open action done. */
    public static List<EventPayload> completeAction(UUID actionId, String note, Actor actor, TeamState s, WorkingDays days,
                                                    Instant now) {
        TeamState.Action a = openAction(actionId, actor, s, true);
        return with(overdue(s, days, now), new ActionCompleted(id(s), child(s), a.agreed().actionId(), note, actor.subject(), now));
    }

    public static List<EventPayload> reassignAction(UUID actionId, UUID owner, String reason, Actor actor, TeamState s,
                                                    WorkingDays days, Instant now) {
        TeamState.Action a = openAction(actionId, actor, s, false);
        if (s.activeMember(owner).isEmpty()) {
            throw ProblemException.invalid("ownerMemberId", "team-member", "the owner must be a current member of the team");
        }
        if (owner.equals(a.owner())) {
            throw ProblemException.invalid("ownerMemberId", "another-member", "already owns the action");
        }
        return with(overdue(s, days, now), new ActionReassigned(id(s), child(s), actionId, a.owner(), owner, reason,
                actor.subject(), now));
    }

    public static List<EventPayload> cancelAction(UUID actionId, String reason, Actor actor, TeamState s, WorkingDays days,
                                                  Instant now) {
        openAction(actionId, actor, s, false);
        return with(overdue(s, days, now), new ActionCancelled(id(s), child(s), actionId, reason, actor.subject(), now));
    }

    /**
     * Records a review, with the team's ratings of the wellbeing indicators the plan addresses; the
     * next is due {@code nextReviewBy}, or the team's interval after this one.
     */
    public static List<EventPayload> review(LocalDate heldOn, List<UUID> attendees, List<String> decisions, LocalDate nextReviewBy,
                                            List<WellbeingRating> wellbeing, Actor actor, TeamState s, WorkingDays days, Instant now) {
        coordinator(s, actor);
        LocalDate today = days.date(now);
        if (heldOn.isAfter(today)) {
            throw ProblemException.invalid("heldOn", "not-in-future", "must be today or earlier");
        }
        if (heldOn.isBefore(days.date(s.formed().formedAt()))) {
            throw ProblemException.invalid("heldOn", "not-before-team", "must not be before the team was formed");
        }
        for (int i = 0; i < attendees.size(); i++) {
            if (s.member(attendees.get(i)).isEmpty()) {
                throw ProblemException.invalid("attendees[" + i + "]", "team-member", "must be a member of the team");
            }
        }
        LocalDate next = nextReviewBy != null ? nextReviewBy : heldOn.plusWeeks(s.formed().reviewEveryWeeks());
        if (!next.isAfter(heldOn) || next.isBefore(today)) {
            throw ProblemException.invalid("nextReviewBy", "after-review", "must be after the review and not in the past");
        }
        return with(overdue(s, days, now), new PlanReviewed(id(s), child(s), UUID.randomUUID(), heldOn, attendees, decisions,
                next, actor.subject(), now, wellbeing));
    }

    /** Open actions whose due date has passed, and a review that fell due without being held: once each. */
    public static List<EventPayload> overdue(TeamState s, WorkingDays days, Instant now) {
        List<EventPayload> events = new ArrayList<>();
        if (!s.exists()) {
            return events;
        }
        for (TeamState.Action a : s.actions()) {
            if (a.open() && !a.overdueRecorded() && !now.isBefore(days.endOf(a.agreed().dueOn()))) {
                events.add(new ActionOverdue(id(s), child(s), a.agreed().actionId(), a.owner(), a.agreed().dueOn(), now));
            }
        }
        LocalDate due = s.nextReviewBy();
        if (due != null && !s.reviewMissedFor(due) && !now.isBefore(days.endOf(due))) {
            events.add(new PlanReviewMissed(id(s), child(s), due, now));
        }
        return events;
    }

    /** When the next action or review falls overdue that has not been recorded so; empty when none. */
    public static Optional<Instant> nextDue(TeamState s, WorkingDays days) {
        if (!s.exists()) {
            return Optional.empty();
        }
        Stream<Instant> actions = s.actions().stream().filter(a -> a.open() && !a.overdueRecorded())
                .map(a -> days.endOf(a.agreed().dueOn()));
        LocalDate review = s.nextReviewBy();
        Stream<Instant> reviews = review == null || s.reviewMissedFor(review) ? Stream.empty() : Stream.of(days.endOf(review));
        return Stream.concat(actions, reviews).min(Comparator.naturalOrder());
    }

    /** 404 when the team does not exist or the caller's agency takes no part; 403 for a member who may not change the plan. */
    static void coordinator(TeamState s, Actor actor) {
        visible(s, actor);
        if (!actor.safeguardingLead() && !s.isLeadProfessional(actor.agencyId(), actor.subject())) {
            throw ProblemException.forbidden("only the team's lead professional or a safeguarding lead may change the plan");
        }
    }

    /** 404 unless a safeguarding lead, or a practitioner whose agency takes part. */
    public static void visible(TeamState s, Actor actor) {
        if (!s.exists() || !(actor.safeguardingLead() || s.agencyTakesPart(actor.agencyId()))) {
            throw ProblemException.notFound("no Team Around the Child is visible to the caller");
        }
    }

    private static TeamState.Action openAction(UUID actionId, Actor actor, TeamState s, boolean ownerMay) {
        visible(s, actor);
        TeamState.Action a = s.action(actionId).orElseThrow(() -> ProblemException.notFound("no action " + actionId));
        boolean owner = ownerMay && s.member(a.owner()).map(m -> m.is(actor.agencyId(), actor.subject())).orElse(false);
        if (!owner) {
            coordinator(s, actor);
        }
        if (!a.open()) {
            throw ProblemException.conflict("action-" + a.status(), "action " + actionId + " is " + a.status());
        }
        return a;
    }

    private static UUID id(TeamState s) {
        return s.formed().teamId();
    }

    private static UUID child(TeamState s) {
        return s.formed().childId();
    }

    private static List<EventPayload> with(List<EventPayload> first, EventPayload event) {
        List<EventPayload> all = new ArrayList<>(first);
        all.add(event);
        return all;
    }
}
