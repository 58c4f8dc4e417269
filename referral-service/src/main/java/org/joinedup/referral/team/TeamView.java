package org.joinedup.referral.team;

import org.joinedup.referral.team.domain.TeamActor;
import org.joinedup.referral.team.domain.TeamState;

import org.joinedup.events.team.TeamMember;
import org.joinedup.referral.clock.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A Team Around the Child: its members (parents and carers among them), the lead professional and
 * every assignment of one, the action plan and its reviews. {@code overdue} and {@code reviewOverdue}
 * are as of the moment of reading. A practitioner who does not coordinate the team sees only the
 * actions they own ({@code wholePlan} false). {@code status} is {@code open} while the team works with
 * the family and {@code closed} after ({@code closed} says why and when).
 */
public record TeamView(UUID teamId, UUID childId, UUID referralId, Instant formedAt, String formedBy, UUID leadProfessional,
                       List<TeamState.LeadAssignment> leadAssignments, List<Member> members, List<Action> actions,
                       List<Review> reviews, int reviewEveryWeeks, LocalDate nextReviewBy, boolean reviewOverdue,
                       boolean wholePlan, int version, UUID assessmentId, String status, Closed closed) {

    /** How the team's episode of early help ended. */
    public record Closed(String reason, String note, String closedBy, String closedByAgency, Instant closedAt) {
    }

    public record Member(UUID memberId, String kind, String name, String role, String agencyId, String practitionerId,
                         boolean active, Instant joinedAt, Instant leftAt, String leftReason) {
        /** Whether this member is the practitioner acting. */
        boolean is(TeamActor actor) {
            return actor.agencyId() != null && actor.agencyId().equals(agencyId) && actor.subject().equals(practitionerId);
        }
    }

    public record Action(UUID actionId, String description, UUID ownerMemberId, LocalDate dueOn, String status,
                         boolean overdue, List<TeamState.Step> history) {
        /** The same action, overdue when it is open and its due date has passed by {@code now}. */
        public Action at(WorkingDays days, Instant now) {
            return new Action(actionId, description, ownerMemberId, dueOn, status,
                    "open".equals(status) && !now.isBefore(days.endOf(dueOn)), history);
        }
    }

    public Member member(UUID memberId) {
        return members.stream().filter(m -> m.memberId().equals(memberId)).findFirst().orElseThrow();
    }

    public record Review(UUID reviewId, LocalDate heldOn, List<UUID> attendees, List<String> decisions,
                         LocalDate nextReviewBy, String recordedBy, Instant recordedAt, List<Rated> wellbeing) {
    }

    /** A rating as people read it: the indicator, the level's name, score (1 to 5) and words, and the team's note. */
    public record Rated(String indicator, String level, int score, String words, String note) {
        static Rated of(org.joinedup.events.team.WellbeingRating r) {
            var level = org.joinedup.events.team.WellbeingLevel.fromWireName(r.level()).orElseThrow();
            return new Rated(r.indicator(), r.level(), level.score(), level.words(), r.note());
        }
    }

    /** One indicator across the reviews that rated it, oldest first, and whether the latest is better than the first. */
    public record Progress(String indicator, List<Point> ratings, String trend) {
    }

    public record Point(LocalDate heldOn, String level, int score) {
    }

    /**
     * Each indicator the team has rated, across its reviews in the order they were held: SHANARRI over
     * time. {@code trend} compares the latest rating with the first: improved, unchanged or worse
     * (a single rating: unchanged).
     */
    @com.fasterxml.jackson.annotation.JsonProperty("wellbeingProgress")
    public List<Progress> wellbeingProgress() {
        java.util.Map<String, List<Point>> by = new java.util.LinkedHashMap<>();
        reviews.stream().sorted(java.util.Comparator.comparing(Review::heldOn).thenComparing(Review::recordedAt))
                .forEach(r -> r.wellbeing().forEach(w -> by.computeIfAbsent(w.indicator(), k -> new java.util.ArrayList<>())
                        .add(new Point(r.heldOn(), w.level(), w.score()))));
        List<Progress> progress = new java.util.ArrayList<>();
        by.forEach((indicator, points) -> {
            int first = points.get(0).score();
            int latest = points.get(points.size() - 1).score();
            progress.add(new Progress(indicator, List.copyOf(points), latest > first ? "improved" : latest < first ? "worse" : "unchanged"));
        });
        return progress;
    }

    public static TeamView of(TeamState.Team s, WorkingDays days, Instant now) {
        var f = s.formed();
        List<Member> members = s.members().stream().map(m -> {
            TeamMember tm = m.member();
            return new Member(tm.memberId(), tm.kind(), tm.name(), tm.role(), tm.agencyId(), tm.practitionerId(), m.active(),
                    m.joinedAt(), m.leftAt(), m.leftReason());
        }).toList();
        List<Action> actions = s.actions().stream().map(a -> new Action(a.agreed().actionId(), a.agreed().description(),
                a.owner(), a.agreed().dueOn(), a.status().wireName(), false, a.history())).toList();
        List<Review> reviews = s.reviews().stream().map(r -> new Review(r.reviewId(), r.heldOn(), r.attendees(),
                r.decisions(), r.nextReviewBy(), r.recordedBy(), r.recordedAt(), r.wellbeing().stream().map(Rated::of).toList())).toList();
        return new TeamView(f.teamId(), f.childId(), f.referralId(), f.formedAt(), f.formedBy(),
                s.leadProfessional().orElse(null), s.leadAssignments(), members, actions, reviews, f.reviewEveryWeeks(),
                s.nextReviewBy(), false, true, s.version(), s.assessmentId().orElse(null), s.open() ? "open" : "closed",
                s.open() ? null : new Closed(s.closed().reason(), s.closed().note(), s.closed().closedBy(),
                        s.closed().closedByAgency(), s.closed().closedAt())).at(days, now);
    }

    /** The same view with overdue flags as of {@code now}. */
    public TeamView at(WorkingDays days, Instant now) {
        List<Action> current = closed != null ? actions : actions.stream().map(a -> a.at(days, now)).toList();
        return new TeamView(teamId, childId, referralId, formedAt, formedBy, leadProfessional, leadAssignments, members,
                current, reviews, reviewEveryWeeks, nextReviewBy, closed == null && nextReviewBy != null
                && !now.isBefore(days.endOf(nextReviewBy)), wholePlan, version, assessmentId, status, closed);
    }

    /** What a practitioner of a member agency sees: the whole plan when they lead it, else only their own actions. */
    public TeamView forCaller(TeamActor actor) {
        boolean lp = leadProfessional != null && member(leadProfessional).active() && member(leadProfessional).is(actor);
        if (actor.safeguardingLead() || lp) {
            return this;
        }
        List<UUID> mine = members.stream().filter(m -> m.is(actor)).map(Member::memberId).toList();
        return new TeamView(teamId, childId, referralId, formedAt, formedBy, leadProfessional, leadAssignments, members,
                actions.stream().filter(a -> mine.contains(a.ownerMemberId())).toList(), reviews, reviewEveryWeeks,
                nextReviewBy, reviewOverdue, false, version, assessmentId, status, closed);
    }
}
