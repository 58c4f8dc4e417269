package org.joinedup.referral.team.domain;

import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.AssessmentLinked;
import org.joinedup.events.team.LeadProfessionalAssigned;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamAroundChildClosed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamEvent;
import org.joinedup.events.team.TeamMember;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a Team Around the Child's events say about it now: nothing yet, or the team. Immutable. */
public sealed interface TeamState {

    /** No team-around-child-formed yet. */
    record None() implements TeamState {
    }

    /** One member, with whether they are still in the team. */
    record Member(TeamMember member, Instant joinedAt, Instant leftAt, String leftReason) {
        public boolean active() {
            return leftAt == null;
        }

        public boolean practitioner() {
            return MemberKind.PRACTITIONER.wireName().equals(member.kind());
        }

        /** Whether this member is the practitioner the caller is. */
        public boolean is(String agencyId, String subject) {
            return practitioner() && agencyId != null && agencyId.equals(member.agencyId())
                    && subject != null && subject.equals(member.practitionerId());
        }
    }

    /** Where an action of the plan stands. */
    enum ActionStatus {
        OPEN("open"), COMPLETED("completed"), CANCELLED("cancelled");

        private final String wireName;

        ActionStatus(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** One step in an action's life: agreed, completed, reassigned, cancelled or overdue. */
    record Step(String type, String by, Instant at, String note) {
    }

    /** An action of the plan: exactly one owner, a due date, a status. */
    record Action(ActionAgreed agreed, UUID owner, ActionStatus status, boolean overdueRecorded, List<Step> history) {
        public Action {
            history = List.copyOf(history);
        }

        public boolean open() {
            return status == ActionStatus.OPEN;
        }

        Action then(ActionStatus newStatus, UUID newOwner, boolean overdue, Step step) {
            List<Step> more = new ArrayList<>(history);
            more.add(step);
            return new Action(agreed, newOwner != null ? newOwner : owner, newStatus != null ? newStatus : status,
                    overdueRecorded || overdue, more);
        }
    }

    /** One assignment of the lead professional. */
    record LeadAssignment(UUID memberId, UUID previousMemberId, String reason, String by, Instant at) {
    }

    /**
     * A team: how it was formed, its members and actions (in the order they came), each assignment of the
     * lead professional, its reviews and the reviews it missed, when the next is due, the early help
     * assessment it works from (null: none), its closing (null while it works with the family), and its
     * version (the number of its events, the ETag).
     */
    record Team(TeamAroundChildFormed formed, Map<UUID, Member> memberById, Map<UUID, Action> actionById,
                List<LeadAssignment> leadAssignments, List<PlanReviewed> reviews, Set<LocalDate> missedReviews,
                LocalDate nextReviewBy, UUID assessment, TeamAroundChildClosed closed, int version) implements TeamState {
        public Team {
            memberById = Collections.unmodifiableMap(new LinkedHashMap<>(memberById));
            actionById = Collections.unmodifiableMap(new LinkedHashMap<>(actionById));
            leadAssignments = List.copyOf(leadAssignments);
            reviews = List.copyOf(reviews);
            missedReviews = Set.copyOf(missedReviews);
        }

        public UUID teamId() {
            return formed.teamId();
        }

        public UUID childId() {
            return formed.childId();
        }

        /** Whether the team still works with the family (not closed). */
        public boolean open() {
            return closed == null;
        }

        public Collection<Member> members() {
            return memberById.values();
        }

        public Optional<Member> member(UUID id) {
            return Optional.ofNullable(memberById.get(id));
        }

        public Optional<Member> activeMember(UUID id) {
            return member(id).filter(Member::active);
        }

        public Collection<Action> actions() {
            return actionById.values();
        }

        public Optional<Action> action(UUID id) {
            return Optional.ofNullable(actionById.get(id));
        }

        public Optional<UUID> leadProfessional() {
            return leadAssignments.isEmpty() ? Optional.empty()
                    : Optional.of(leadAssignments.get(leadAssignments.size() - 1).memberId());
        }

        public boolean reviewMissedFor(LocalDate due) {
            return missedReviews.contains(due);
        }

        /** The early help assessment the team works from, if it was linked to one. */
        public Optional<UUID> assessmentId() {
            return Optional.ofNullable(assessment);
        }

        /** Whether the caller is this team's lead professional. */
        public boolean isLeadProfessional(String agencyId, String subject) {
            return leadProfessional().flatMap(this::activeMember).map(m -> m.is(agencyId, subject)).orElse(false);
        }

        /** Whether one of the caller's agency's practitioners is (or was) a member. */
        public boolean agencyTakesPart(String agencyId) {
            return memberById.values().stream().anyMatch(m -> m.practitioner() && agencyId != null
                    && agencyId.equals(m.member().agencyId()));
        }

        /** A safeguarding lead, or a practitioner whose agency takes part, may know of the team. */
        public boolean visibleTo(TeamActor actor) {
            return actor.safeguardingLead() || agencyTakesPart(actor.agencyId());
        }

        private Team next(Map<UUID, Member> members, Map<UUID, Action> actions, List<LeadAssignment> leads,
                          List<PlanReviewed> reviewed, Set<LocalDate> missed, LocalDate nextReview, UUID assessmentId) {
            return new Team(formed, members, actions, leads, reviewed, missed, nextReview, assessmentId, closed, version + 1);
        }

        Team withMember(Member m) {
            Map<UUID, Member> members = new LinkedHashMap<>(memberById);
            members.put(m.member().memberId(), m);
            return next(members, actionById, leadAssignments, reviews, missedReviews, nextReviewBy, assessment);
        }

        Team withAction(UUID actionId, Action a) {
            Map<UUID, Action> actions = new LinkedHashMap<>(actionById);
            actions.put(actionId, a);
            return next(memberById, actions, leadAssignments, reviews, missedReviews, nextReviewBy, assessment);
        }

        Team withLead(LeadAssignment lead) {
            List<LeadAssignment> leads = new ArrayList<>(leadAssignments);
            leads.add(lead);
            return next(memberById, actionById, leads, reviews, missedReviews, nextReviewBy, assessment);
        }

        Team withReview(PlanReviewed review) {
            List<PlanReviewed> reviewed = new ArrayList<>(reviews);
            reviewed.add(review);
            return next(memberById, actionById, leadAssignments, reviewed, missedReviews, review.nextReviewBy(), assessment);
        }

        Team withMissedReview(LocalDate due) {
            Set<LocalDate> missed = new HashSet<>(missedReviews);
            missed.add(due);
            return next(memberById, actionById, leadAssignments, reviews, missed, nextReviewBy, assessment);
        }

        Team withAssessment(UUID assessmentId) {
            return next(memberById, actionById, leadAssignments, reviews, missedReviews, nextReviewBy, assessmentId);
        }

        Team withClosed(TeamAroundChildClosed c) {
            return new Team(formed, memberById, actionById, leadAssignments, reviews, missedReviews, nextReviewBy, assessment,
                    c, version + 1);
        }

        Team withActionStep(UUID actionId, ActionStatus status, UUID owner, boolean overdue, Step step) {
            return withAction(actionId, actionById.get(actionId).then(status, owner, overdue, step));
        }
    }

    static TeamState evolve(TeamState state, TeamEvent event) {
        if (state instanceof None) {
            if (event instanceof TeamAroundChildFormed f) {
                Map<UUID, Member> members = new LinkedHashMap<>();
                f.members().forEach(m -> members.put(m.memberId(), new Member(m, f.formedAt(), null, null)));
                return new Team(f, members, Map.of(), List.of(), List.of(), Set.of(), f.firstReviewBy(), null, null, 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before team-around-child-formed");
        }
        Team t = (Team) state;
        return switch (event) {
            case TeamAroundChildFormed f -> throw new IllegalStateException("a team is formed once");
            case MemberAdded a -> t.withMember(new Member(a.member(), a.addedAt(), null, null));
            case MemberLeft l -> {
                Member m = t.memberById().get(l.memberId());
                yield t.withMember(new Member(m.member(), m.joinedAt(), l.leftAt(), l.reason()));
            }
            case LeadProfessionalAssigned a -> t.withLead(new LeadAssignment(a.memberId(), a.previousMemberId(), a.reason(),
                    a.assignedBy(), a.assignedAt()));
            case ActionAgreed a -> t.withAction(a.actionId(), new Action(a, a.ownerMemberId(), ActionStatus.OPEN, false,
                    List.of(new Step("action-agreed", a.agreedBy(), a.agreedAt(), a.description()))));
            case ActionCompleted c -> t.withActionStep(c.actionId(), ActionStatus.COMPLETED, null, false,
                    new Step("action-completed", c.completedBy(), c.completedAt(), c.note()));
            case ActionReassigned r -> t.withActionStep(r.actionId(), null, r.toMemberId(), false,
                    new Step("action-reassigned", r.reassignedBy(), r.reassignedAt(), r.reason()));
            case ActionCancelled c -> t.withActionStep(c.actionId(), ActionStatus.CANCELLED, null, false,
                    new Step("action-cancelled", c.cancelledBy(), c.cancelledAt(), c.reason()));
            case ActionOverdue o -> t.withActionStep(o.actionId(), null, null, true,
                    new Step("action-overdue", null, o.detectedAt(), null));
            case PlanReviewed r -> t.withReview(r);
            case PlanReviewMissed m -> t.withMissedReview(m.dueBy());
            case AssessmentLinked l -> t.withAssessment(l.assessmentId());
            case TeamAroundChildClosed c -> t.withClosed(c);
        };
    }
}
