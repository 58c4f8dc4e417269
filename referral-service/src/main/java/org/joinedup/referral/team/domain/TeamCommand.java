package org.joinedup.referral.team.domain;

import org.joinedup.events.team.TeamMember;
import org.joinedup.events.team.WellbeingRating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What may be asked of a Team Around the Child's stream ({@code team-<teamId>}); each carries who acts and when. */
public sealed interface TeamCommand {

    /**
     * Forms a team. {@code lead} (one of {@code members}, a practitioner) becomes lead professional when
     * given, for {@code leadReason}; {@code assessmentId}, when given, is the early help assessment it works
     * from (already checked: the child's, concluded team-around-the-child).
     */
    record Form(UUID teamId, UUID childId, UUID referralId, List<TeamMember> members, UUID lead, String leadReason,
                int reviewEveryWeeks, UUID assessmentId, TeamActor actor, Instant at) implements TeamCommand {
        public Form {
            members = List.copyOf(members);
        }
    }

    /** The team works from this early help assessment from now on. */
    record LinkAssessment(UUID assessmentId, TeamActor actor, Instant at) implements TeamCommand {
    }

    record AddMember(TeamMember member, TeamActor actor, Instant at) implements TeamCommand {
    }

    record Leave(UUID memberId, String reason, TeamActor actor, Instant at) implements TeamCommand {
    }

    record AssignLead(UUID memberId, String reason, TeamActor actor, Instant at) implements TeamCommand {
    }

    record AgreeAction(UUID actionId, String description, UUID ownerMemberId, LocalDate dueOn, TeamActor actor, Instant at)
            implements TeamCommand {
    }

    record CompleteAction(UUID actionId, String note, TeamActor actor, Instant at) implements TeamCommand {
    }

    record ReassignAction(UUID actionId, UUID ownerMemberId, String reason, TeamActor actor, Instant at)
            implements TeamCommand {
    }

    record CancelAction(UUID actionId, String reason, TeamActor actor, Instant at) implements TeamCommand {
    }

    /**
     * A review of the plan: when it was held, who attended, what it decided, when the next falls due (null:
     * the team's interval after this one), and the team's ratings of the wellbeing indicators.
     */
    record Review(LocalDate heldOn, List<UUID> attendees, List<String> decisions, LocalDate nextReviewBy,
                  List<WellbeingRating> wellbeing, TeamActor actor, Instant at) implements TeamCommand {
        public Review {
            attendees = List.copyOf(attendees);
            decisions = List.copyOf(decisions);
            wellbeing = wellbeing == null ? List.of() : List.copyOf(wellbeing);
        }
    }

    /** Time has passed (the sweep): record the actions and the review that fell overdue, once each. */
    record RecordOverdue(Instant at) implements TeamCommand {
    }

    /** The team stops working with the family, for {@code reason} (a {@code CareVocabulary.TeamClosing} wire name). */
    record Close(String reason, String note, TeamActor actor, Instant at) implements TeamCommand {
    }
}
