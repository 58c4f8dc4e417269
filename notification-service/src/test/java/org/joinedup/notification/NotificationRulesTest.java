package org.joinedup.notification;

import org.joinedup.events.EventPayload;
import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.frontdoor.TriageDecisionOverdue;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.EventJson;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.notification.notify.NotificationKind;
import org.joinedup.notification.notify.NotificationRules;
import org.joinedup.notification.notify.NotificationRules.Recipient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.ActionOverdue;
import org.joinedup.events.team.ActionReassigned;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given an event, which notifications to whom: each rule, and that no headline carries the detail. */
class NotificationRulesTest {
    static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");
    final UUID child = UUID.randomUUID();

    /** The event as a consumer reads it off the topic: written to JSON and read back as its type. */
    static EventPayload json(EventPayload payload) {
        return EventJson.read(payload.eventType().typeName(), payload.eventType().schemaVersion(), EventJson.write(payload));
    }

    @Test
    void a_share_tells_the_receiving_agency_and_teaches_who_sent_it() throws Exception {
        UUID share = UUID.randomUUID();
        EventPayload data = json(new InformationShared(share, child, "met-police", "northside-primary", List.of(UUID.randomUUID()),
                "Bruising seen on the arm; mother's partner named", "safeguarding", "public-task",
                new Consent(Consent.NOT_SOUGHT, "would place the child at risk"), UUID.randomUUID(), false, null, "pc-1", AT));
        List<NotificationRules.Planned> planned = NotificationRules.plan(data);
        assertEquals(1, planned.size());
        assertEquals(NotificationKind.SHARE_RECEIVED, planned.get(0).kind());
        assertEquals(List.of(new Recipient.Agency("northside-primary")), planned.get(0).recipients());
        assertEquals(child, planned.get(0).childId());
        assertEquals(share, planned.get(0).resourceId());
        assertFalse(planned.get(0).headline().contains("Bruising"), "the note never travels in a notification");
        assertEquals(List.of(new NotificationRules.Fact.ShareSent(share, "met-police", "northside-primary"),
                        new NotificationRules.Fact.Involved(child, "met-police", "shared-from", share, AT),
                        new NotificationRules.Fact.Involved(child, "northside-primary", "shared-to", share, AT)),
                NotificationRules.learn(data));
    }

    @Test
    void an_acknowledgement_tells_the_sender_whom_an_earlier_share_names() throws Exception {
        UUID share = UUID.randomUUID();
        List<NotificationRules.Planned> planned = NotificationRules.plan(json(new InformationShareAcknowledged(share, child, "northside-primary", "lead-2", AT)));
        assertEquals(NotificationKind.SHARE_ACKNOWLEDGED, planned.get(0).kind());
        assertEquals(List.of(new Recipient.ShareSender(share)), planned.get(0).recipients());
    }

    @Test
    void a_referral_tells_the_receiving_agency_and_its_decision_both_sides() throws Exception {
        UUID referral = UUID.randomUUID();
        EventPayload made = json(new ReferralMade(referral, child, "northside-primary", "haringey-csc", "t-1", List.of(),
                "Disclosure in class", "urgent", "yes", new Consent(Consent.GIVEN, null), AT, AT.plusSeconds(86_400)));
        NotificationRules.Planned received = NotificationRules.plan(made).get(0);
        assertEquals(NotificationKind.REFERRAL_RECEIVED, received.kind());
        assertEquals(List.of(new Recipient.Agency("haringey-csc")), received.recipients());
        assertFalse(received.headline().contains("Disclosure"));
        assertTrue(received.headline().endsWith("a decision is due by 2026-12-06 09:00 UTC"), received.headline());
        assertEquals(List.of(new NotificationRules.Fact.ReferralSides(referral, "northside-primary", "haringey-csc"),
                new NotificationRules.Fact.Involved(child, "northside-primary", "referred-from", referral, AT),
                new NotificationRules.Fact.Involved(child, "haringey-csc", "referred-to", referral, AT)),
                NotificationRules.learn(made));
        NotificationRules.Planned decided = NotificationRules.plan(json(new ReferralDecided(referral, child,
                "haringey-csc", "sw-1", "section-47-enquiry", "risk of significant harm", AT, null, null))).get(0);
        assertEquals(List.of(new Recipient.ReferralSides(referral)), decided.recipients());
    }

    @Test
    void break_glass_tells_every_agency_whose_records_were_opened() throws Exception {
        NotificationRules.Planned p = NotificationRules.plan(json(new EmergencyAccessGranted(
                UUID.randomUUID(), child, "safe-steps", "lead-9", "afraid to go home; the MASH line is closed tonight",
                AT, AT.plusSeconds(86_400), List.of("met-police", "haringey-csc")))).get(0);
        assertEquals(NotificationKind.EMERGENCY_ACCESS, p.kind());
        assertEquals(List.of(new Recipient.Agency("met-police"), new Recipient.Agency("haringey-csc")), p.recipients());
        assertFalse(p.headline().contains("afraid"), "the justification stays behind the API");
    }

    @Test
    void events_nobody_is_told_about_make_nothing() {
        EventPayload reviewed = json(new PlanReviewed(UUID.randomUUID(), child, UUID.randomUUID(), LocalDate.of(2026, 12, 1),
                List.of(), List.of("carry on"), LocalDate.of(2027, 1, 12), "sw-1", AT, List.of()));
        assertEquals(List.of(), NotificationRules.plan(reviewed));
        assertEquals(List.of(), NotificationRules.learn(reviewed));
        EventPayload raised = json(new ConcernRaised(UUID.randomUUID(), child, "met-police", "pc-1",
                new ChildIdentification(null, "Doe", "Sam", LocalDate.of(2016, 1, 2), null), "neglect", List.of("safe"), "medium",
                "Seen hungry", null, AT, AT.plusSeconds(60)));
        assertEquals(List.of(), NotificationRules.plan(raised), "a concern alone tells nobody: its agency holds it");
    }

    @Test
    void a_concern_makes_its_agency_involved_and_a_flag_tells_everyone_involved_with_the_child_without_its_summary() throws Exception {
        UUID concern = UUID.randomUUID();
        EventPayload raised = json(new ConcernRaised(concern, child, "met-police", "pc-1",
                new ChildIdentification(null, "Doe", "Sam", LocalDate.of(2016, 1, 2), null), "neglect", List.of("safe"), "medium",
                "Seen hungry", null, AT, AT.plusSeconds(60)));
        assertEquals(List.of(new NotificationRules.Fact.Involved(child, "met-police", "raised", concern, AT.plusSeconds(60))),
                NotificationRules.learn(raised));
        UUID flag = UUID.randomUUID();
        NotificationRules.Planned p = NotificationRules.plan(json(new BiggerPictureFlagRaised(flag, child,
                "multi-agency-concerns", List.of(concern), List.of(), List.of("met-police", "northside-primary"),
                "Concerns about neglect from 2 agencies", AT))).get(0);
        assertEquals(NotificationKind.BIGGER_PICTURE_FLAG, p.kind());
        assertEquals(List.of(new Recipient.Involved(List.of(child))), p.recipients());
        assertEquals(flag, p.resourceId());
        assertTrue(p.headline().contains("(multi agency concerns)") && p.headline().contains("2 agencies"), p.headline());
        assertFalse(p.headline().contains("neglect"), "the summary stays behind the API");
    }

    @Test
    void a_link_or_unlink_tells_the_agencies_involved_with_either_record() throws Exception {
        UUID link = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        EventPayload linked = json(new ChildRecordsLinked(link, child, other, UUID.randomUUID(), "same NHS number", "lead-1", AT));
        NotificationRules.Planned p = NotificationRules.plan(linked).get(0);
        assertEquals(NotificationKind.CHILD_RECORDS_LINK, p.kind());
        assertEquals(List.of(new Recipient.Involved(List.of(child, other))), p.recipients());
        assertEquals(List.of(new NotificationRules.Fact.Linked(link, child, other)), NotificationRules.learn(linked));
        EventPayload unlinked = json(new ChildRecordsUnlinked(link, child, other, "different children", "lead-1", AT));
        assertEquals(List.of(new Recipient.Involved(List.of(child, other))),
                NotificationRules.plan(unlinked).get(0).recipients());
        assertEquals(List.of(new NotificationRules.Fact.Unlinked(link)), NotificationRules.learn(unlinked));
    }

    @Test
    void team_events_teach_members_and_actions_and_tell_the_owner_or_the_members() throws Exception {
        UUID team = UUID.randomUUID(), teacher = UUID.randomUUID(), mother = UUID.randomUUID(), action = UUID.randomUUID();
        EventPayload formed = json(new TeamAroundChildFormed(team, child, null, List.of(
                new TeamMember(teacher, "practitioner", null, "Class teacher", "northside-primary", "t-1"),
                new TeamMember(mother, "parent-or-carer", "Ms M", "Mother", null, null)), 6, LocalDate.of(2027, 1, 15), "sw-1",
                "haringey-csc", AT));
        assertEquals(List.of(new NotificationRules.Fact.Joined(teacher, team, child, "northside-primary", AT),
                new NotificationRules.Fact.Joined(mother, team, child, null, AT)), NotificationRules.learn(formed));
        assertEquals(List.of(), NotificationRules.plan(formed));

        EventPayload agreed = json(new ActionAgreed(team, child, action, "Speak to the child weekly", teacher, LocalDate.of(2026, 12, 20),
                "sw-1", AT));
        NotificationRules.Planned assigned = NotificationRules.plan(agreed).get(0);
        assertEquals(NotificationKind.ACTION_ASSIGNED, assigned.kind());
        assertEquals(List.of(new Recipient.MemberAgency(teacher)), assigned.recipients());
        assertTrue(assigned.headline().endsWith("due on 2026-12-20"), assigned.headline());
        assertFalse(assigned.headline().contains("Speak"), "the action's words stay behind the API");
        assertEquals(List.of(new NotificationRules.Fact.ActionSet(action, team, child, teacher, LocalDate.of(2026, 12, 20))),
                NotificationRules.learn(agreed));

        UUID officer = UUID.randomUUID();
        EventPayload reassigned = json(new ActionReassigned(team, child, action, teacher, officer, "housing leads", "sw-1", AT));
        assertEquals(List.of(new Recipient.MemberAgency(officer)), NotificationRules.plan(reassigned).get(0).recipients());
        assertEquals(List.of(new NotificationRules.Fact.ActionOwner(action, officer)), NotificationRules.learn(reassigned));
        assertEquals(List.of(new NotificationRules.Fact.ActionClosed(action)), NotificationRules.learn(json(new ActionCompleted(team, child, action, "done", "t-1", AT))));

        NotificationRules.Planned overdue = NotificationRules.plan(json(new ActionOverdue(team, child, action, officer, LocalDate.of(2026, 12, 20), AT))).get(0);
        assertEquals(NotificationKind.ACTION_OVERDUE, overdue.kind());
        assertEquals(List.of(new Recipient.MemberAgency(officer)), overdue.recipients());

        NotificationRules.Planned missed = NotificationRules.plan(json(new PlanReviewMissed(team, child, LocalDate.of(2027, 1, 15), AT))).get(0);
        assertEquals(NotificationKind.REVIEW_MISSED, missed.kind());
        assertEquals(List.of(new Recipient.TeamAgencies(team)), missed.recipients());
        assertEquals(List.of(new NotificationRules.Fact.Left(teacher, AT)), NotificationRules.learn(json(new MemberLeft(team, child, teacher, "moved school", "sw-1", AT))));

        NotificationRules.Planned soon = NotificationRules.dueSoon(team, child, officer, LocalDate.of(2026, 12, 20));
        assertEquals(NotificationKind.ACTION_DUE_SOON, soon.kind());
        assertEquals(List.of(new Recipient.MemberAgency(officer)), soon.recipients());
        assertEquals(team, soon.resourceId());
    }

    @Test
    void a_contact_at_high_or_immediate_risk_tells_the_front_door_at_once_and_a_lower_one_waits_in_its_queue() {
        UUID triage = UUID.randomUUID();
        for (String urgent : List.of("high", "immediate")) {
            NotificationRules.Planned p = NotificationRules.plan(json(new ContactReceived(triage, child, "haringey-csc",
                    "concern", UUID.randomUUID(), "met-police", urgent, AT, AT.plusSeconds(86_400)))).get(0);
            assertEquals(NotificationKind.URGENT_CONTACT, p.kind());
            assertEquals(List.of(new Recipient.Agency("haringey-csc")), p.recipients());
            assertEquals(triage, p.resourceId());
            assertEquals("triage", p.resource());
            assertTrue(p.headline().contains(urgent + " risk") && p.headline().contains("met-police")
                    && p.headline().endsWith("2026-12-06 09:00 UTC"), p.headline());
        }
        assertEquals(List.of(), NotificationRules.plan(json(new ContactReceived(triage, child, "haringey-csc", "concern",
                UUID.randomUUID(), "northside-primary", "medium", AT, AT.plusSeconds(86_400)))));
    }

    @Test
    void a_triage_decision_tells_the_agencies_that_raised_the_contacts_and_an_overdue_one_tells_the_front_door() {
        UUID triage = UUID.randomUUID();
        NotificationRules.Planned told = NotificationRules.plan(json(new TriageDecided(triage, child, "haringey-csc",
                "strategy-discussion", "the mother's partner is named in two concerns", List.of(UUID.randomUUID()),
                List.of("met-police", "haringey-csc", "northside-primary"), "sw-1", AT))).get(0);
        assertEquals(NotificationKind.TRIAGE_DECIDED, told.kind());
        assertEquals(List.of(new Recipient.Agency("met-police"), new Recipient.Agency("northside-primary")), told.recipients(),
                "the front door is not told its own decision");
        assertTrue(told.headline().endsWith("strategy-discussion"), told.headline());
        assertFalse(told.headline().contains("partner"), "the reason stays behind the API");
        assertEquals(List.of(), NotificationRules.plan(json(new TriageDecided(triage, child, "haringey-csc", "advice-given", "r",
                List.of(), List.of("haringey-csc"), "sw-1", AT))), "a decision on the front door's own contact tells nobody");
        NotificationRules.Planned late = NotificationRules.plan(json(new TriageDecisionOverdue(triage, child, "haringey-csc", AT,
                AT))).get(0);
        assertEquals(NotificationKind.TRIAGE_OVERDUE, late.kind());
        assertEquals(List.of(new Recipient.Agency("haringey-csc")), late.recipients());
    }

    @Test
    void a_status_lookup_tells_the_front_door_and_the_plan_s_local_authority_without_the_purpose() {
        UUID lookup = UUID.randomUUID();
        NotificationRules.Planned p = NotificationRules.plan(json(new org.joinedup.events.status.ChildStatusLookedUp(lookup,
                child, "north-mid-ed", "dr-1", "head injury, says she fell down the stairs", "child-protection-plan",
                List.of("haringey-csc"), AT))).get(0);
        assertEquals(NotificationKind.STATUS_LOOKUP, p.kind());
        assertEquals(List.of(new Recipient.Agency("haringey-csc")), p.recipients());
        assertEquals(lookup, p.resourceId());
        assertFalse(p.headline().contains("stairs"), "the purpose stays behind the API");
        assertTrue(p.headline().startsWith("north-mid-ed asked"), p.headline());
    }

    @Test
    void police_protection_tells_the_front_door_at_once_and_72_hours_without_an_end_tell_both_agencies() {
        UUID protection = UUID.randomUUID();
        NotificationRules.Planned taken = NotificationRules.plan(json(new org.joinedup.events.care.PoliceProtectionStarted(
                protection, child, "met-police", "haringey-csc", AT, AT.plusSeconds(72 * 3600), "found alone", "DS Okafor",
                "pc-1"))).get(0);
        assertEquals(NotificationKind.POLICE_PROTECTION, taken.kind());
        assertEquals(List.of(new Recipient.Agency("haringey-csc")), taken.recipients());
        assertFalse(taken.headline().contains("found alone"), "the reason stays behind the API");
        NotificationRules.Planned late = NotificationRules.plan(json(new org.joinedup.events.care.PoliceProtectionOverdue(
                protection, child, "met-police", "haringey-csc", AT, AT))).get(0);
        assertEquals(NotificationKind.PATHWAY_OVERDUE, late.kind());
        assertEquals(List.of(new Recipient.Agency("met-police"), new Recipient.Agency("haringey-csc")), late.recipients());
        assertEquals(List.of(), NotificationRules.plan(json(new org.joinedup.events.care.PoliceProtectionStarted(protection, child,
                "met-police", null, AT, AT, "r", "DS Okafor", "pc-1"))), "no front door known: nobody to tell");
    }

    @Test
    void each_statutory_clock_of_the_pathway_running_out_tells_the_local_authority_whose_clock_it_is() {
        UUID id = UUID.randomUUID();
        for (org.joinedup.events.EventPayload e : List.<org.joinedup.events.EventPayload>of(
                new org.joinedup.events.protection.ChildProtectionClockOverdue(id, child, "haringey-csc", "core-group", AT, AT),
                new org.joinedup.events.care.ChildInNeedReviewOverdue(id, child, "haringey-csc", AT, AT),
                new org.joinedup.events.care.EmergencyProtectionOrderExpired(id, child, "haringey-csc", AT, AT))) {
            NotificationRules.Planned p = NotificationRules.plan(json(e)).get(0);
            assertEquals(NotificationKind.PATHWAY_OVERDUE, p.kind(), e.eventType().typeName());
            assertEquals(List.of(new Recipient.Agency("haringey-csc")), p.recipients(), e.eventType().typeName());
            assertEquals(id, p.resourceId());
        }
    }
}
