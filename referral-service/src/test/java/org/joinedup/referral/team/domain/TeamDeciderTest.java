package org.joinedup.referral.team.domain;

import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamEvent;
import org.joinedup.events.team.TeamMember;
import org.joinedup.events.team.WellbeingRating;
import org.joinedup.referral.clock.WorkingDays;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a team's events, when a command (or time passes), then these events or a named refusal. No Quarkus. */
class TeamDeciderTest {
    static final WorkingDays DAYS = WorkingDays.englandAndWales();
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    static final TeamActor LEAD = new TeamActor("dsl-1", "haringey-csc", true);
    static final TeamMember HV = new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Health visitor",
            "whittington-health", "hv-1");
    static final TeamMember MUM = new TeamMember(UUID.randomUUID(), MemberKind.PARENT_CARER.wireName(), "Ms Mensah", "Mother",
            null, null);
    static final TeamActor HEALTH_VISITOR = new TeamActor("hv-1", "whittington-health", false);

    final UUID team = UUID.randomUUID();
    final DeciderSpec<TeamCommand, TeamState, TeamEvent> spec = DeciderSpec.of(new TeamDecider(DAYS));

    TeamState.Team state() {
        return (TeamState.Team) spec.state();
    }

    static List<String> types(List<TeamEvent> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }

    void formed() {
        spec.givenAccepted(new TeamCommand.Form(team, UUID.randomUUID(), null, List.of(HV, MUM), HV.memberId(),
                "knows the family", 6, null, LEAD, MONDAY));
    }

    TeamCommand.AgreeAction agree(UUID action, UUID owner, String dueOn, TeamActor actor) {
        return new TeamCommand.AgreeAction(action, "an action", owner, LocalDate.parse(dueOn), actor, MONDAY);
    }

    @Test
    void a_team_is_formed_with_a_parent_as_an_equal_member_and_a_lead_professional() {
        formed();
        assertEquals(List.of("team-around-child-formed", "lead-professional-assigned"), types(spec.history()));
        assertEquals(2, state().members().size());
        assertEquals(HV.memberId(), state().leadProfessional().orElseThrow());
        assertEquals(LocalDate.parse("2027-01-04"), state().nextReviewBy());
        assertTrue(state().isLeadProfessional("whittington-health", "hv-1"));
        spec.when(new TeamCommand.Form(team, UUID.randomUUID(), null, List.of(HV), null, null, 6, null, LEAD, MONDAY))
                .conflict("team-exists");
    }

    @Test
    void a_team_formed_from_an_assessment_works_from_it_and_linking_it_again_records_nothing() {
        UUID assessment = UUID.randomUUID();
        spec.givenAccepted(new TeamCommand.Form(team, UUID.randomUUID(), null, List.of(HV), null, null, 6, assessment, LEAD,
                MONDAY));
        assertEquals(List.of("team-around-child-formed", "team-assessment-linked"), types(spec.history()));
        assertEquals(assessment, state().assessmentId().orElseThrow());
        spec.when(new TeamCommand.LinkAssessment(assessment, LEAD, MONDAY)).thenNothing();
    }

    @Test
    void an_action_needs_an_owner_who_is_a_member_and_a_due_date_not_in_the_past() {
        formed();
        spec.when(agree(UUID.randomUUID(), UUID.randomUUID(), "2026-12-01", LEAD)).invalid("ownerMemberId", "team-member");
        spec.when(agree(UUID.randomUUID(), MUM.memberId(), "2026-11-22", LEAD)).invalid("dueOn", "not-in-past");
        spec.when(agree(UUID.randomUUID(), MUM.memberId(), "2026-11-23", LEAD))
                .thenEvents(e -> assertEquals(List.of("action-agreed"), types(e), "today is allowed"));
    }

    @Test
    void an_action_past_its_due_date_is_recorded_overdue_once_and_its_owner_may_still_complete_it() {
        formed();
        UUID action = UUID.randomUUID();
        spec.givenAccepted(agree(action, HV.memberId(), "2026-11-27", HEALTH_VISITOR));
        Instant endOfFriday = Instant.parse("2026-11-28T00:00:00Z");
        assertEquals(endOfFriday, TeamDecider.nextDue(state(), DAYS).orElseThrow());
        spec.when(new TeamCommand.RecordOverdue(endOfFriday.minusSeconds(1))).thenNothing();
        spec.givenAccepted(new TeamCommand.RecordOverdue(endOfFriday));
        assertEquals(List.of("team-around-child-formed", "lead-professional-assigned", "action-agreed", "action-overdue"),
                types(spec.history()));
        spec.when(new TeamCommand.RecordOverdue(endOfFriday.plusSeconds(86400))).thenNothing();
        spec.when(new TeamCommand.CompleteAction(action, "referred", HEALTH_VISITOR, endOfFriday.plusSeconds(86400)))
                .thenEvents(e -> assertEquals(List.of("action-completed"), types(e)));
    }

    @Test
    void a_member_who_neither_owns_the_action_nor_leads_may_not_change_the_plan() {
        formed();
        TeamMember teacher = new TeamMember(UUID.randomUUID(), "practitioner", null, "Class teacher", "st-marys", "t-1");
        UUID action = UUID.randomUUID();
        spec.givenAccepted(new TeamCommand.AddMember(teacher, LEAD, MONDAY), agree(action, HV.memberId(), "2026-12-01", LEAD));
        TeamActor teacherActor = new TeamActor("t-1", "st-marys", false);
        spec.when(new TeamCommand.CompleteAction(action, null, teacherActor, MONDAY)).forbidden(TeamDecider.COORDINATORS_ONLY);
        spec.when(agree(UUID.randomUUID(), teacher.memberId(), "2026-12-01", teacherActor))
                .forbidden(TeamDecider.COORDINATORS_ONLY);
        spec.when(new TeamCommand.CompleteAction(action, null, new TeamActor("x", "other-agency", false), MONDAY)).notFound();
        spec.when(new TeamCommand.AddMember(teacher, LEAD, MONDAY)).conflict("already-member");
    }

    @Test
    void reassigning_leaving_and_the_lead_professional_follow_the_rules() {
        formed();
        UUID action = UUID.randomUUID();
        spec.givenAccepted(agree(action, HV.memberId(), "2026-12-01", LEAD));
        spec.when(new TeamCommand.Leave(HV.memberId(), "moving", LEAD, MONDAY)).conflict("lead-professional");
        spec.when(new TeamCommand.AssignLead(MUM.memberId(), "x", LEAD, MONDAY)).invalid("memberId", "practitioner-member");
        spec.when(new TeamCommand.AssignLead(HV.memberId(), "again", LEAD, MONDAY)).thenNothing();
        spec.when(new TeamCommand.ReassignAction(action, HV.memberId(), "x", LEAD, MONDAY))
                .invalid("ownerMemberId", "another-member");
        spec.when(new TeamCommand.ReassignAction(action, MUM.memberId(), "mother will book it", LEAD, MONDAY))
                .thenEvents(e -> assertEquals(List.of("action-reassigned"), types(e)));
        assertEquals(MUM.memberId(), state().action(action).orElseThrow().owner());
        spec.when(new TeamCommand.Leave(MUM.memberId(), "x", LEAD, MONDAY)).conflict("member-owns-actions");
        spec.givenAccepted(new TeamCommand.CancelAction(action, "GP booked already", LEAD, MONDAY));
        spec.when(new TeamCommand.Leave(MUM.memberId(), "moved away", LEAD, MONDAY))
                .thenEvents(e -> assertEquals(List.of("member-left"), types(e)));
        spec.when(new TeamCommand.CompleteAction(action, null, LEAD, MONDAY)).conflict("action-cancelled");
        spec.when(new TeamCommand.Leave(MUM.memberId(), "again", LEAD, MONDAY)).notFound();
    }

    @Test
    void a_review_not_held_by_its_date_is_surfaced_once_and_a_review_sets_the_next() {
        formed();
        Instant afterDue = Instant.parse("2027-01-05T00:00:00Z"); // the review was due by Monday 4 January 2027
        spec.when(new TeamCommand.RecordOverdue(afterDue)).thenEvents(e -> assertEquals(List.of("plan-review-missed"), types(e)));
        spec.when(new TeamCommand.RecordOverdue(afterDue.plusSeconds(86400))).thenNothing();
        List<WellbeingRating> ratings = List.of(new WellbeingRating("safe", "some-concern", "still frightened at night"),
                new WellbeingRating("healthy", "mostly-met", null));
        spec.when(new TeamCommand.Review(LocalDate.parse("2027-01-05"), List.of(HV.memberId(), MUM.memberId()),
                List.of("carry on"), null, ratings, LEAD, afterDue.plusSeconds(3600))).thenEvents(reviewed -> {
                    assertEquals(List.of("plan-reviewed"), types(reviewed));
                    assertEquals(ratings, ((PlanReviewed) reviewed.get(0)).wellbeing(), "the ratings travel in the event");
                });
        assertEquals(LocalDate.parse("2027-02-16"), state().nextReviewBy());
        spec.when(new TeamCommand.Review(LocalDate.parse("2027-01-05"), List.of(UUID.randomUUID()), List.of("x"), null,
                List.of(), LEAD, afterDue)).invalid("attendees[0]", "team-member");
        spec.when(new TeamCommand.Review(LocalDate.parse("2027-02-01"), List.of(HV.memberId()), List.of("x"), null,
                List.of(), LEAD, afterDue)).invalid("heldOn", "not-in-future");
        spec.when(new TeamCommand.Review(LocalDate.parse("2026-11-01"), List.of(HV.memberId()), List.of("x"), null,
                List.of(), LEAD, afterDue)).invalid("heldOn", "not-before-team");
    }

    @Test
    void a_closed_team_stops_its_clocks_and_takes_no_more_changes() {
        formed();
        UUID action = UUID.randomUUID();
        spec.givenAccepted(agree(action, HV.memberId(), "2026-11-30", LEAD));
        Instant later = Instant.parse("2026-12-02T10:00:00Z");
        // Closing first records what had fallen overdue by then, then the closing.
        List<TeamEvent> events = spec.accepted(new TeamCommand.Close("needs-met", "attendance back to 96%", HEALTH_VISITOR, later));
        assertEquals(List.of("action-overdue", "team-around-child-closed"), types(events));
        spec.givenAccepted(new TeamCommand.Close("needs-met", "attendance back to 96%", HEALTH_VISITOR, later));
        assertEquals(false, state().open());
        assertEquals(java.util.Optional.empty(), TeamDecider.nextDue(state(), DAYS));
        spec.when(new TeamCommand.RecordOverdue(Instant.parse("2027-06-01T10:00:00Z"))).thenNothing();
        spec.when(new TeamCommand.Close("other", "again", LEAD, later)).conflict(TeamDecider.TEAM_CLOSED);
        spec.when(agree(UUID.randomUUID(), HV.memberId(), "2027-01-10", LEAD)).conflict(TeamDecider.TEAM_CLOSED);
        spec.when(new TeamCommand.CompleteAction(action, "done", HEALTH_VISITOR, later)).conflict(TeamDecider.TEAM_CLOSED);
    }

    @Test
    void only_a_coordinator_closes_a_team_and_a_stranger_is_told_it_does_not_exist() {
        formed();
        spec.when(new TeamCommand.Close("needs-met", "x", new TeamActor("t-1", "northside-primary", false), MONDAY)).notFound();
        TeamMember teacher = new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Teacher",
                "northside-primary", "t-1");
        spec.givenAccepted(new TeamCommand.AddMember(teacher, LEAD, MONDAY));
        spec.when(new TeamCommand.Close("needs-met", "x", new TeamActor("t-1", "northside-primary", false), MONDAY))
                .forbidden(TeamDecider.COORDINATORS_ONLY);
    }
}
