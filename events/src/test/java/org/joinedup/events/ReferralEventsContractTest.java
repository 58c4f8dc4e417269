package org.joinedup.events;

import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.AssessmentCompleted;
import org.joinedup.events.referral.AssessmentOverdue;
import org.joinedup.events.referral.ConferenceHeld;
import org.joinedup.events.referral.ConferenceOverdue;
import org.joinedup.events.referral.ReferralAcknowledged;
import org.joinedup.events.referral.ReferralClosed;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralDecisionOverdue;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.referral.StrategyDiscussionHeld;
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
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralEventsContractTest {
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final UUID CHILD = UUID.fromString("c0000000-0000-4000-8000-000000000001");

    static List<EventPayload> samples() {
        UUID plan = UUID.randomUUID();
        UUID looked = UUID.randomUUID();
        UUID protection = UUID.randomUUID();
        UUID r = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        UUID mum = UUID.randomUUID();
        UUID hv = UUID.randomUUID();
        UUID action = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        UUID triage = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 12, 4);
        return List.of(
                new ReferralMade(r, CHILD, "met-police", "haringey-csc", "pc-1", List.of(UUID.randomUUID()), "bruises",
                        "urgent", "told of the referral", new Consent(Consent.REFUSED, "child at risk"), AT, AT.plusSeconds(86400)),
                new ReferralAcknowledged(r, CHILD, "haringey-csc", "sw-1", AT),
                new ReferralDecided(r, CHILD, "haringey-csc", "sw-1", "early-help", "needs support", AT, null, team),
                new AssessmentCompleted(r, CHILD, "haringey-csc", "sw-1", "needs met", AT),
                new StrategyDiscussionHeld(r, CHILD, "haringey-csc", "sw-1", "police and health present", AT, AT.plusSeconds(3600)),
                new ConferenceHeld(r, CHILD, "haringey-csc", "sw-1", "plan agreed", AT),
                new ReferralDecisionOverdue(r, CHILD, "haringey-csc", AT, AT),
                new AssessmentOverdue(r, CHILD, "haringey-csc", AT, AT),
                new ConferenceOverdue(r, CHILD, "haringey-csc", AT, AT),
                new ReferralClosed(r, CHILD, "haringey-csc", "sw-1", "plan in place", AT),
                new TeamAroundChildFormed(team, CHILD, r, List.of(
                        new TeamMember(hv, "practitioner", null, "Health visitor", "whittington-health", "hv-1"),
                        new TeamMember(mum, "parent-carer", "Ms Mensah", "Mother", null, null)), 6, day, "lead-1", "haringey-csc", AT),
                new MemberAdded(team, CHILD, new TeamMember(UUID.randomUUID(), "practitioner", "Ms Teacher", "Class teacher",
                        "st-marys", "t-1"), "lead-1", AT),
                new MemberLeft(team, CHILD, UUID.randomUUID(), "moved school", "lead-1", AT),
                new LeadProfessionalAssigned(team, CHILD, hv, null, "knows the family", "lead-1", AT),
                new ActionAgreed(team, CHILD, action, "refer to speech therapy", hv, day, "hv-1", AT),
                new ActionCompleted(team, CHILD, action, "referred", "hv-1", AT),
                new ActionReassigned(team, CHILD, action, hv, mum, "mother will book it", "hv-1", AT),
                new ActionCancelled(team, CHILD, action, "no longer needed", "hv-1", AT),
                new ActionOverdue(team, CHILD, action, hv, day, AT),
                new PlanReviewed(team, CHILD, UUID.randomUUID(), day, List.of(hv, mum), List.of("carry on"), day.plusWeeks(6), "hv-1", AT,
                        List.of(new org.joinedup.events.team.WellbeingRating("safe", "some-concern", "still frightened at night"),
                                new org.joinedup.events.team.WellbeingRating("healthy", "mostly-met", null))),
                new PlanReviewMissed(team, CHILD, day, AT),
                new org.joinedup.events.team.AssessmentLinked(team, CHILD, assessment, "lead-1", AT),
                new org.joinedup.events.earlyhelp.EarlyHelpAssessmentStarted(assessment, CHILD, new Consent(Consent.GIVEN, null),
                        r, "hv-1", "whittington-health", AT),
                new org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded(assessment, CHILD, 1, List.of(
                        new org.joinedup.events.earlyhelp.DomainFindings("child-development", List.of("loves school"),
                                List.of(new org.joinedup.events.earlyhelp.DomainFindings.Need("speech delay",
                                        List.of("achieving", "included"))))), "I like my teacher", "we need help with sleep",
                        "hv-1", "whittington-health", AT),
                new org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted(assessment, CHILD, 1, "step-up", "risk grew", r,
                        "hv-1", "whittington-health", AT),
                new org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed(assessment, CHILD, team, UUID.randomUUID(), day,
                        true, 2, "hv-1", AT),
                new org.joinedup.events.frontdoor.ContactReceived(triage, CHILD, "haringey-csc", "concern", UUID.randomUUID(),
                        "met-police", "immediate", AT, AT.plusSeconds(86400)),
                new org.joinedup.events.frontdoor.TriageDecided(triage, CHILD, "haringey-csc", "strategy-discussion",
                        "reasonable cause to suspect significant harm", List.of(UUID.randomUUID()), List.of("met-police"),
                        "sw-1", AT),
                new org.joinedup.events.frontdoor.TriageDecisionOverdue(triage, CHILD, "haringey-csc", AT, AT),
                new org.joinedup.events.protection.StrategyDiscussionRecorded(episode, CHILD, "haringey-csc", triage, AT,
                        List.of(new org.joinedup.events.protection.Attendance("met-police", "police", true, "two call-outs"),
                                new org.joinedup.events.protection.Attendance("whittington-health", "health", true, "bruising")),
                        "section-47-enquiry", "significant harm suspected", "sw-1", AT),
                new org.joinedup.events.protection.EnquiryConcluded(episode, CHILD, "haringey-csc",
                        "substantiated-continuing-risk", "injuries consistent with the account", AT.plusSeconds(86400), "sw-1", AT),
                new org.joinedup.events.protection.InitialConferenceHeld(episode, CHILD, "haringey-csc", AT,
                        List.of("met-police", "whittington-health"), true, false, "child-protection-plan",
                        List.of("physical-abuse", "neglect"), "Priya Shah", AT.plusSeconds(86400), day, "sw-1", AT),
                new org.joinedup.events.protection.CoreGroupMet(episode, CHILD, "haringey-csc", AT, List.of("met-police"), "sw-1", AT),
                new org.joinedup.events.protection.ReviewConferenceHeld(episode, CHILD, "haringey-csc", AT, "continue-plan",
                        List.of("neglect"), day, "sw-1", AT),
                new org.joinedup.events.protection.ChildProtectionPlanEnded(episode, CHILD, "haringey-csc", "moved-area", null,
                        "sw-1", AT),
                new org.joinedup.events.protection.ChildProtectionClockOverdue(episode, CHILD, "haringey-csc", "core-group", AT, AT),
                new org.joinedup.events.status.ChildStatusLookedUp(UUID.randomUUID(), CHILD, "north-mid-ed", "dr-1",
                        "attended the emergency department with a head injury", "child-protection-plan",
                        List.of("haringey-csc"), AT),
                new org.joinedup.events.referral.EarlyHelpConsentRecorded(UUID.randomUUID(), CHILD, "haringey-csc", "given",
                        "agreed at a home visit", UUID.randomUUID(), "sw-1", AT),
                new org.joinedup.events.team.TeamAroundChildClosed(UUID.randomUUID(), CHILD, "needs-met", "attendance at 96%",
                        "dsl-1", "haringey-csc", AT),
                new org.joinedup.events.care.ChildInNeedPlanStarted(plan, CHILD, "haringey-csc", null, "Priya Shah",
                        "support at home", AT, AT.plusSeconds(86400 * 90), "sw-1"),
                new org.joinedup.events.care.ChildInNeedPlanReviewed(plan, CHILD, "haringey-csc", AT, "going well",
                        AT.plusSeconds(86400 * 90), "sw-1"),
                new org.joinedup.events.care.ChildInNeedPlanEnded(plan, CHILD, "haringey-csc", "needs-met", null, AT, "sw-1"),
                new org.joinedup.events.care.ChildInNeedReviewOverdue(plan, CHILD, "haringey-csc", AT, AT),
                new org.joinedup.events.care.LookedAfterStarted(looked, CHILD, "haringey-csc", "emergency-protection-order", AT,
                        AT.plusSeconds(86400 * 8), "sw-1"),
                new org.joinedup.events.care.LookedAfterLegalStatusChanged(looked, CHILD, "haringey-csc", "interim-care-order",
                        AT, null, "sw-1"),
                new org.joinedup.events.care.LookedAfterEnded(looked, CHILD, "haringey-csc", "returned-home", null, AT, "sw-1"),
                new org.joinedup.events.care.EmergencyProtectionOrderExpired(looked, CHILD, "haringey-csc", AT, AT),
                new org.joinedup.events.care.PoliceProtectionStarted(protection, CHILD, "met-police", "haringey-csc", AT,
                        AT.plusSeconds(72 * 3600), "found alone at night", "DS Okafor", "pc-1"),
                new org.joinedup.events.care.PoliceProtectionEnded(protection, CHILD, "met-police", "haringey-csc",
                        "accommodated-by-local-authority", null, AT, "pc-1"),
                new org.joinedup.events.care.PoliceProtectionOverdue(protection, CHILD, "met-police", "haringey-csc", AT, AT));
    }

    @Test
    void referral_and_team_events_travel_on_referrals_events_keyed_by_the_child_and_round_trip() {
        for (EventPayload event : samples()) {
            EventType type = event.eventType();
            assertEquals(Topics.REFERRALS, type.topic(), type.typeName());
            assertTrue(type.aboutAChild(), type.typeName());
            assertEquals(CHILD.toString(), event.subject(), type.typeName());
            assertEquals(AT, event.occurredAt(), type.typeName());
            assertEquals(event, EventJson.read(type.typeName(), 1, EventJson.write(event)), type.typeName());
        }
        assertEquals(java.util.Arrays.stream(EventType.values()).filter(t -> t.topic().equals(Topics.REFERRALS))
                        .map(EventType::typeName).sorted().toList(),
                samples().stream().map(e -> e.eventType().typeName()).distinct().sorted().toList(),
                "a sample of every type on referrals.events");
    }

    @Test
    void a_triage_decision_written_without_contacts_reads_as_empty_and_the_outcomes_are_the_front_door_s() {
        String json = """
                {"triageId": "%s", "childId": "%s", "frontDoor": "haringey-csc", "outcome": "advice-given", "reason": "r",
                 "decidedBy": "sw-1", "decidedAt": "2026-11-23T10:00:00Z"}""".formatted(UUID.randomUUID(), CHILD);
        var decided = (org.joinedup.events.frontdoor.TriageDecided) EventJson.read("triage-decided", 1, json);
        assertEquals(List.of(), decided.contacts());
        assertEquals(List.of(), decided.raisedBy());
        assertEquals("no-further-action, advice-given, early-help-offered, child-in-need-assessment, strategy-discussion",
                WireNamed.allNames(org.joinedup.events.frontdoor.TriageOutcome.class));
    }

    @Test
    void a_referral_made_without_concern_ids_reads_as_empty_and_unknown_fields_are_ignored() {
        String json = """
                {"referralId": "%s", "childId": "%s", "fromAgency": "a", "toAgency": "b", "referredBy": "p",
                 "reason": "r", "urgency": "routine", "madeAt": "2026-11-23T10:00:00Z", "addedLater": 1}"""
                .formatted(UUID.randomUUID(), CHILD);
        ReferralMade made = (ReferralMade) EventJson.read("referral-made", 1, json);
        assertEquals(List.of(), made.concernIds());
        assertEquals(AT, made.occurredAt());
    }

    @Test
    void a_review_recorded_before_wellbeing_ratings_existed_reads_with_none_and_the_scale_has_words_and_scores() {
        String json = """
                {"teamId": "%s", "childId": "%s", "reviewId": "%s", "heldOn": "2026-11-20", "attendees": [], "decisions": ["carry on"],
                 "nextReviewBy": "2027-01-01", "recordedBy": "hv-1", "recordedAt": "2026-11-23T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), CHILD, UUID.randomUUID());
        PlanReviewed old = (PlanReviewed) EventJson.read("plan-reviewed", 1, json);
        assertEquals(List.of(), old.wellbeing());
        assertEquals(List.of(1, 2, 3, 4, 5), java.util.Arrays.stream(org.joinedup.events.team.WellbeingLevel.values())
                .map(org.joinedup.events.team.WellbeingLevel::score).toList());
        assertTrue(org.joinedup.events.team.WellbeingLevel.fromWireName("thriving").orElseThrow().words().startsWith("Thriving"));
    }
}
