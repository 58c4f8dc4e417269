package org.joinedup.referral.team;

import org.joinedup.events.EventPayload;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.referral.clock.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a team's events, when a command (or time passes), then these events. No Quarkus. */
class TeamDeciderTest {
    static final WorkingDays DAYS = WorkingDays.englandAndWales();
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    static final TeamDecider.Actor LEAD = new TeamDecider.Actor("dsl-1", "haringey-csc", true);
    static final TeamMember HV = new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Health visitor",
            "whittington-health", "hv-1");
    static final TeamMember MUM = new TeamMember(UUID.randomUUID(), MemberKind.PARENT_CARER.wireName(), "Ms Mensah", "Mother",
            null, null);
    static final TeamDecider.Actor HEALTH_VISITOR = new TeamDecider.Actor("hv-1", "whittington-health", false);

    final UUID team = UUID.randomUUID();
    final List<EventPayload> history = new ArrayList<>();

    TeamState state() {
        return TeamState.fold(history);
    }

    List<EventPayload> given(List<EventPayload> events) {
        history.addAll(events);
        return events;
    }

    static List<String> types(List<EventPayload> events) {
        return events.stream().map(e -> e.eventType().typeName()).toList();
    }

    void formed() {
        given(TeamDecider.form(team, UUID.randomUUID(), null, List.of(HV, MUM), HV.memberId(), "knows the family", 6,
                LEAD, state(), DAYS, MONDAY));
    }

    @Test
    void a_team_is_formed_with_a_parent_as_an_equal_member_and_a_lead_professional() {
        formed();
        assertEquals(List.of("team-around-child-formed", "lead-professional-assigned"), types(history));
        assertEquals(2, state().members().size());
        assertEquals(HV.memberId(), state().leadProfessional().orElseThrow());
        assertEquals(LocalDate.parse("2027-01-04"), state().nextReviewBy());
        assertTrue(state().isLeadProfessional("whittington-health", "hv-1"));
    }

    @Test
    void an_action_needs_an_owner_who_is_a_member_and_a_due_date_not_in_the_past() {
        formed();
        ProblemException stranger = assertThrows(ProblemException.class, () -> TeamDecider.agreeAction(UUID.randomUUID(),
                "book speech therapy", UUID.randomUUID(), LocalDate.parse("2026-12-01"), LEAD, state(), DAYS, MONDAY));
        assertEquals(400, stranger.problem().status());
        assertEquals("team-member", stranger.problem().violations().get(0).rule());
        ProblemException past = assertThrows(ProblemException.class, () -> TeamDecider.agreeAction(UUID.randomUUID(),
                "book speech therapy", MUM.memberId(), LocalDate.parse("2026-11-22"), LEAD, state(), DAYS, MONDAY));
        assertEquals("not-in-past", past.problem().violations().get(0).rule());
        assertEquals(List.of("action-agreed"), types(TeamDecider.agreeAction(UUID.randomUUID(), "book it", MUM.memberId(),
                LocalDate.parse("2026-11-23"), LEAD, state(), DAYS, MONDAY)), "today is allowed");
    }

    @Test
    void an_action_past_its_due_date_is_recorded_overdue_once_and_its_owner_may_still_complete_it() {
        formed();
        UUID action = UUID.randomUUID();
        given(TeamDecider.agreeAction(action, "refer to speech therapy", HV.memberId(), LocalDate.parse("2026-11-27"),
                HEALTH_VISITOR, state(), DAYS, MONDAY));
        Instant endOfFriday = Instant.parse("2026-11-28T00:00:00Z");
        assertEquals(endOfFriday, TeamDecider.nextDue(state(), DAYS).orElseThrow());
        assertEquals(List.of(), TeamDecider.overdue(state(), DAYS, endOfFriday.minusSeconds(1)));
        given(TeamDecider.overdue(state(), DAYS, endOfFriday));
        assertEquals(List.of("team-around-child-formed", "lead-professional-assigned", "action-agreed", "action-overdue"),
                types(history));
        assertEquals(List.of(), TeamDecider.overdue(state(), DAYS, endOfFriday.plusSeconds(86400)));
        assertEquals(List.of("action-completed"), types(TeamDecider.completeAction(action, "referred", HEALTH_VISITOR,
                state(), DAYS, endOfFriday.plusSeconds(86400))));
    }

    @Test
    void a_member_who_neither_owns_the_action_nor_leads_may_not_change_the_plan() {
        formed();
        TeamMember teacher = new TeamMember(UUID.randomUUID(), "practitioner", null, "Class teacher", "st-marys", "t-1");
        given(TeamDecider.addMember(teacher, LEAD, state(), DAYS, MONDAY));
        UUID action = UUID.randomUUID();
        given(TeamDecider.agreeAction(action, "home visit", HV.memberId(), LocalDate.parse("2026-12-01"), LEAD, state(), DAYS, MONDAY));
        TeamDecider.Actor teacherActor = new TeamDecider.Actor("t-1", "st-marys", false);
        assertEquals(403, assertThrows(ProblemException.class, () -> TeamDecider.completeAction(action, null, teacherActor,
                state(), DAYS, MONDAY)).problem().status());
        assertEquals(403, assertThrows(ProblemException.class, () -> TeamDecider.agreeAction(UUID.randomUUID(), "x",
                teacher.memberId(), LocalDate.parse("2026-12-01"), teacherActor, state(), DAYS, MONDAY)).problem().status());
        assertEquals(404, assertThrows(ProblemException.class, () -> TeamDecider.completeAction(action, null,
                new TeamDecider.Actor("x", "other-agency", false), state(), DAYS, MONDAY)).problem().status());
    }

    @Test
    void reassigning_leaving_and_the_lead_professional_follow_the_rules() {
        formed();
        UUID action = UUID.randomUUID();
        given(TeamDecider.agreeAction(action, "book the GP", HV.memberId(), LocalDate.parse("2026-12-01"), LEAD, state(), DAYS, MONDAY));
        assertEquals(409, assertThrows(ProblemException.class, () -> TeamDecider.leave(HV.memberId(), "moving", LEAD,
                state(), DAYS, MONDAY)).problem().status());
        assertEquals("practitioner-member", assertThrows(ProblemException.class, () -> TeamDecider.assignLead(MUM.memberId(),
                "x", LEAD, state(), DAYS, MONDAY)).problem().violations().get(0).rule());
        List<EventPayload> passed = given(TeamDecider.reassignAction(action, MUM.memberId(), "mother will book it", LEAD,
                state(), DAYS, MONDAY));
        assertEquals(List.of("action-reassigned"), types(passed));
        assertEquals(MUM.memberId(), state().action(action).orElseThrow().owner());
        assertEquals(409, assertThrows(ProblemException.class, () -> TeamDecider.leave(MUM.memberId(), "x", LEAD,
                state(), DAYS, MONDAY)).problem().status(), "she owns an open action");
        given(TeamDecider.cancelAction(action, "GP booked already", LEAD, state(), DAYS, MONDAY));
        assertEquals(List.of("member-left"), types(TeamDecider.leave(MUM.memberId(), "moved away", LEAD, state(), DAYS, MONDAY)));
        assertEquals(409, assertThrows(ProblemException.class, () -> TeamDecider.completeAction(action, null, LEAD,
                state(), DAYS, MONDAY)).problem().status(), "a cancelled action stays cancelled");
    }

    @Test
    void a_review_not_held_by_its_date_is_surfaced_once_and_a_review_sets_the_next() {
        formed();
        Instant afterDue = Instant.parse("2027-01-05T00:00:00Z"); // the review was due by Monday 4 January 2027
        assertEquals(List.of("plan-review-missed"), types(given(TeamDecider.overdue(state(), DAYS, afterDue))));
        assertEquals(List.of(), TeamDecider.overdue(state(), DAYS, afterDue.plusSeconds(86400)));
        List<org.joinedup.events.team.WellbeingRating> ratings = List.of(
                new org.joinedup.events.team.WellbeingRating("safe", "some-concern", "still frightened at night"),
                new org.joinedup.events.team.WellbeingRating("healthy", "mostly-met", null));
        List<EventPayload> reviewed = given(TeamDecider.review(LocalDate.parse("2027-01-05"), List.of(HV.memberId(),
                MUM.memberId()), List.of("carry on"), null, ratings, LEAD, state(), DAYS, afterDue.plusSeconds(3600)));
        assertEquals(List.of("plan-reviewed"), types(reviewed));
        assertEquals(ratings, ((org.joinedup.events.team.PlanReviewed) reviewed.get(0)).wellbeing(), "the ratings travel in the event");
        assertEquals(LocalDate.parse("2027-02-16"), state().nextReviewBy());
        assertEquals("team-member", assertThrows(ProblemException.class, () -> TeamDecider.review(LocalDate.parse("2027-01-05"),
                List.of(UUID.randomUUID()), List.of("x"), null, List.of(), LEAD, state(), DAYS, afterDue)).problem().violations().get(0).rule());
        assertEquals("not-in-future", assertThrows(ProblemException.class, () -> TeamDecider.review(LocalDate.parse("2027-02-01"),
                List.of(HV.memberId()), List.of("x"), null, List.of(), LEAD, state(), DAYS, afterDue)).problem().violations().get(0).rule());
    }
}
