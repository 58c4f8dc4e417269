package org.joinedup.referral.team;

import org.joinedup.events.EventPayload;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.LeadProfessionalAssigned;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a Team Around the Child's events say about it now. Built by {@link #fold}; not changed afterwards. */
public final class TeamState {
    /** One member, with whether they are still in the team. */
    public record Member(TeamMember member, Instant joinedAt, Instant leftAt, String leftReason) {
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

    /** One step in an action's life: agreed, completed, reassigned, cancelled or overdue. */
    public record Step(String type, String by, Instant at, String note) {
    }

    /** An action of the plan: exactly one owner, a due date, a status (open, completed, cancelled). */
    public record Action(ActionAgreed agreed, UUID owner, String status, boolean overdueRecorded, List<Step> history) {
        public boolean open() {
            return "open".equals(status);
        }
    }

    /** One assignment of the lead professional. */
    public record LeadAssignment(UUID memberId, UUID previousMemberId, String reason, String by, Instant at) {
    }

    private TeamAroundChildFormed formed;
    private final Map<UUID, Member> members = new LinkedHashMap<>();
    private final Map<UUID, Action> actions = new LinkedHashMap<>();
    private final List<LeadAssignment> leads = new ArrayList<>();
    private final List<PlanReviewed> reviews = new ArrayList<>();
    private final Set<LocalDate> missedReviews = new HashSet<>();
    private LocalDate nextReviewBy;
    private UUID assessmentId;
    private int version;

    public static TeamState fold(List<? extends EventPayload> events) {
        TeamState s = new TeamState();
        for (EventPayload e : events) {
            s.apply(e);
        }
        return s;
    }

    private void apply(EventPayload e) {
        version++;
        if (e instanceof TeamAroundChildFormed f) {
            formed = f;
            f.members().forEach(m -> members.put(m.memberId(), new Member(m, f.formedAt(), null, null)));
            nextReviewBy = f.firstReviewBy();
        } else if (e instanceof MemberAdded a) {
            members.put(a.member().memberId(), new Member(a.member(), a.addedAt(), null, null));
        } else if (e instanceof MemberLeft l) {
            Member m = members.get(l.memberId());
            members.put(l.memberId(), new Member(m.member(), m.joinedAt(), l.leftAt(), l.reason()));
        } else if (e instanceof LeadProfessionalAssigned a) {
            leads.add(new LeadAssignment(a.memberId(), a.previousMemberId(), a.reason(), a.assignedBy(), a.assignedAt()));
        } else if (e instanceof ActionAgreed a) {
            actions.put(a.actionId(), new Action(a, a.ownerMemberId(), "open", false,
                    List.of(new Step("action-agreed", a.agreedBy(), a.agreedAt(), a.description()))));
        } else if (e instanceof ActionCompleted c) {
            step(c.actionId(), "completed", null, false, new Step("action-completed", c.completedBy(), c.completedAt(), c.note()));
        } else if (e instanceof ActionReassigned r) {
            step(r.actionId(), null, r.toMemberId(), false, new Step("action-reassigned", r.reassignedBy(), r.reassignedAt(), r.reason()));
        } else if (e instanceof ActionCancelled c) {
            step(c.actionId(), "cancelled", null, false, new Step("action-cancelled", c.cancelledBy(), c.cancelledAt(), c.reason()));
        } else if (e instanceof ActionOverdue o) {
            step(o.actionId(), null, null, true, new Step("action-overdue", null, o.detectedAt(), null));
        } else if (e instanceof PlanReviewed r) {
            reviews.add(r);
            nextReviewBy = r.nextReviewBy();
        } else if (e instanceof PlanReviewMissed m) {
            missedReviews.add(m.dueBy());
        } else if (e instanceof org.joinedup.events.team.AssessmentLinked l) {
            assessmentId = l.assessmentId();
        } else {
            throw new IllegalStateException(e.eventType().typeName() + " is not a team event");
        }
    }

    private void step(UUID actionId, String status, UUID owner, boolean overdue, Step step) {
        Action a = actions.get(actionId);
        List<Step> history = new ArrayList<>(a.history());
        history.add(step);
        actions.put(actionId, new Action(a.agreed(), owner != null ? owner : a.owner(), status != null ? status : a.status(),
                a.overdueRecorded() || overdue, List.copyOf(history)));
    }

    public boolean exists() {
        return formed != null;
    }

    public TeamAroundChildFormed formed() {
        return formed;
    }

    public Collection<Member> members() {
        return members.values();
    }

    public Optional<Member> member(UUID id) {
        return Optional.ofNullable(members.get(id));
    }

    public Optional<Member> activeMember(UUID id) {
        return member(id).filter(Member::active);
    }

    public Collection<Action> actions() {
        return actions.values();
    }

    public Optional<Action> action(UUID id) {
        return Optional.ofNullable(actions.get(id));
    }

    public Optional<UUID> leadProfessional() {
        return leads.isEmpty() ? Optional.empty() : Optional.of(leads.get(leads.size() - 1).memberId());
    }

    public List<LeadAssignment> leadAssignments() {
        return List.copyOf(leads);
    }

    public List<PlanReviewed> reviews() {
        return List.copyOf(reviews);
    }

    public LocalDate nextReviewBy() {
        return nextReviewBy;
    }

    public boolean reviewMissedFor(LocalDate due) {
        return missedReviews.contains(due);
    }

    public int version() {
        return version;
    }

    /** The early help assessment the team works from, if it was linked to one. */
    public Optional<UUID> assessmentId() {
        return Optional.ofNullable(assessmentId);
    }

    /** Whether the caller is this team's lead professional. */
    public boolean isLeadProfessional(String agencyId, String subject) {
        return leadProfessional().flatMap(this::activeMember).map(m -> m.is(agencyId, subject)).orElse(false);
    }

    /** Whether one of the caller's agency's practitioners is (or was) a member. */
    public boolean agencyTakesPart(String agencyId) {
        return members.values().stream().anyMatch(m -> m.practitioner() && agencyId != null
                && agencyId.equals(m.member().agencyId()));
    }
}
