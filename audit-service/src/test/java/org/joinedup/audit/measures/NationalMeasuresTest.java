package org.joinedup.audit.measures;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ChildProtectionClockOverdue;
import org.joinedup.events.protection.ChildProtectionPlanEnded;
import org.joinedup.events.protection.CoreGroupMet;
import org.joinedup.events.protection.EnquiryConcluded;
import org.joinedup.events.protection.InitialConferenceHeld;
import org.joinedup.events.protection.ReviewConferenceHeld;
import org.joinedup.events.protection.StrategyDiscussionRecorded;
import org.joinedup.events.referral.ReferralClosed;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.WellbeingRating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The national measures (issue 26): the pathway's timeliness, plans by category, second plans within two
 * years, re-referrals as the children in need census counts them, assessments closed unassessed, and wellbeing
 * compared indicator by indicator. Each against a small ledger counted by hand; no Quarkus.
 */
class NationalMeasuresTest {
    static final String AREA = "Haringey";
    static final LocalDate FROM = LocalDate.parse("2026-11-01");
    static final LocalDate TO = LocalDate.parse("2026-11-30");
    static final Instant AS_OF = Instant.parse("2026-12-05T12:00:00Z");
    static final String CSC = "csc-nm";
    static final String POLICE = "police-nm";
    static final String SCHOOL = "school-nm";
    static final String ELSEWHERE = "enfield-csc-nm";

    final List<EventPayload> events = new ArrayList<>(List.of(
            agency(CSC, "childrens-social-care", AREA), agency(POLICE, "police", AREA), agency(SCHOOL, "education", AREA),
            agency(ELSEWHERE, "childrens-social-care", "Enfield")));

    static AgencyRegistered agency(String id, String kind, String area) {
        return new AgencyRegistered(id, id, kind, area, new Contact("duty@example.org", null), List.of(), "admin",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static Instant at(String t) {
        return Instant.parse(t);
    }

    Measures measures() {
        return PartnershipMeasures.compute(events, AREA, FROM, TO, AS_OF);
    }

    static Measures.Ratio ratio(int count, int of, int pending) {
        return Measures.Ratio.of(count, of, pending);
    }

    @Test
    void contacts_decided_within_one_working_day_are_counted_by_contact_at_the_front_doors_of_the_area() {
        UUID item = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        // Two contacts in one item, decided in time; one decided late; one not decided, past its day; one not yet due;
        // one at Enfield's front door; one received in October.
        events.add(contact(item, child, CSC, "2026-11-02T09:00:00Z", "2026-11-03T00:00:00Z"));
        events.add(contact(item, child, CSC, "2026-11-02T15:00:00Z", "2026-11-03T00:00:00Z"));
        events.add(decided(item, CSC, "2026-11-02T16:00:00Z"));
        events.add(contact(late, UUID.randomUUID(), CSC, "2026-11-09T09:00:00Z", "2026-11-10T00:00:00Z"));
        events.add(decided(late, CSC, "2026-11-11T10:00:00Z"));
        events.add(contact(open, UUID.randomUUID(), CSC, "2026-11-16T09:00:00Z", "2026-11-17T00:00:00Z"));
        events.add(contact(UUID.randomUUID(), UUID.randomUUID(), CSC, "2026-11-30T20:00:00Z", "2026-12-06T00:00:00Z"));
        events.add(contact(UUID.randomUUID(), UUID.randomUUID(), ELSEWHERE, "2026-11-03T09:00:00Z", "2026-11-04T00:00:00Z"));
        events.add(contact(UUID.randomUUID(), UUID.randomUUID(), CSC, "2026-10-30T09:00:00Z", "2026-10-31T00:00:00Z"));
        Measures.Pathway p = measures().pathway();
        assertEquals(5, p.contacts());
        assertEquals(ratio(2, 4, 1), p.contactsDecidedWithinOneWorkingDay());
    }

    @Test
    void conference_core_group_and_review_timeliness_plans_by_category_and_second_plans_within_two_years() {
        UUID childA = UUID.randomUUID();
        UUID childARecord2 = UUID.randomUUID();
        UUID childB = UUID.randomUUID();
        // Child A: a plan that ended in March 2025 under another record, linked since: the new plan is a second one.
        UUID old = UUID.randomUUID();
        events.add(strategy(old, childARecord2, "2024-10-01T10:00:00Z"));
        events.add(enquiry(old, childARecord2, "2024-10-22T00:00:00Z"));
        events.add(conference(old, childARecord2, "2024-10-20T10:00:00Z", List.of("neglect"), "2024-11-03T00:00:00Z",
                "2025-01-20"));
        events.add(new ChildProtectionPlanEnded(old, childARecord2, CSC, "review-conference", null, "sw", at("2025-03-10T10:00:00Z")));
        events.add(new ChildRecordsLinked(UUID.randomUUID(), childA, childARecord2, null, "same child", "dsl",
                at("2026-06-01T10:00:00Z")));
        // A's new episode: strategy 2 Nov, conference due 23 Nov, held 20 Nov (in time) with two categories; core group
        // due 4 Dec, met 1 Dec (in time).
        UUID a = UUID.randomUUID();
        events.add(strategy(a, childA, "2026-11-02T10:00:00Z"));
        events.add(enquiry(a, childA, "2026-11-23T00:00:00Z"));
        events.add(conference(a, childA, "2026-11-20T10:00:00Z", List.of("neglect", "emotional-abuse"),
                "2026-12-05T00:00:00Z", "2027-02-20"));
        events.add(new CoreGroupMet(a, childA, CSC, at("2026-12-01T10:00:00Z"), List.of(POLICE), "sw", at("2026-12-01T10:00:00Z")));
        // Child B: strategy 3 Nov, conference due 24 Nov, held 26 Nov (late), physical abuse; its core group due
        // 10 Dec: pending. B had a plan that ended three years ago: not within two years.
        UUID older = UUID.randomUUID();
        events.add(strategy(older, childB, "2023-06-01T10:00:00Z"));
        events.add(conference(older, childB, "2023-06-20T10:00:00Z", List.of("neglect"), "2023-07-04T00:00:00Z", "2023-09-20"));
        events.add(new ChildProtectionPlanEnded(older, childB, CSC, "moved-area", null, "sw", at("2023-11-01T10:00:00Z")));
        UUID b = UUID.randomUUID();
        events.add(strategy(b, childB, "2026-11-03T10:00:00Z"));
        events.add(enquiry(b, childB, "2026-11-24T00:00:00Z"));
        events.add(conference(b, childB, "2026-11-26T10:00:00Z", List.of("physical-abuse"), "2026-12-10T00:00:00Z",
                "2027-02-26"));
        // Child C: strategy 16 Nov, conference due 7 Dec: pending. Enfield's episode is elsewhere.
        UUID c = UUID.randomUUID();
        events.add(strategy(c, UUID.randomUUID(), "2026-11-16T10:00:00Z"));
        events.add(enquiry(c, UUID.randomUUID(), "2026-12-07T00:00:00Z"));
        UUID enfield = UUID.randomUUID();
        events.add(new StrategyDiscussionRecorded(enfield, UUID.randomUUID(), ELSEWHERE, null, at("2026-11-05T10:00:00Z"),
                List.of(), "section-47-enquiry", "r", "sw", at("2026-11-05T10:00:00Z")));
        // An older plan reviewed in November: due 15 Nov, held 12 Nov (on time); another due 10 Nov, held 18 Nov (late);
        // a third's review recorded overdue (due 25 Nov).
        UUID r1 = UUID.randomUUID();
        events.add(strategy(r1, UUID.randomUUID(), "2026-07-01T10:00:00Z"));
        events.add(conference(r1, UUID.randomUUID(), "2026-08-15T10:00:00Z", List.of("sexual-abuse"), "2026-08-29T00:00:00Z",
                "2026-11-15"));
        events.add(new ReviewConferenceHeld(r1, UUID.randomUUID(), CSC, at("2026-11-12T10:00:00Z"), "continue-plan",
                List.of("sexual-abuse"), LocalDate.parse("2027-05-12"), "sw", at("2026-11-12T10:00:00Z")));
        UUID r2 = UUID.randomUUID();
        events.add(strategy(r2, UUID.randomUUID(), "2026-07-01T10:00:00Z"));
        events.add(conference(r2, UUID.randomUUID(), "2026-08-10T10:00:00Z", List.of("neglect"), "2026-08-24T00:00:00Z",
                "2026-11-10"));
        events.add(new ReviewConferenceHeld(r2, UUID.randomUUID(), CSC, at("2026-11-18T10:00:00Z"), "end-plan", List.of(),
                null, "sw", at("2026-11-18T10:00:00Z")));
        UUID r3 = UUID.randomUUID();
        events.add(strategy(r3, UUID.randomUUID(), "2026-07-01T10:00:00Z"));
        events.add(new ChildProtectionClockOverdue(r3, UUID.randomUUID(), CSC, "review-conference", at("2026-11-26T00:00:00Z"),
                at("2026-11-26T00:01:00Z")));

        Measures.Pathway p = measures().pathway();
        assertEquals(ratio(1, 2, 1), p.initialConferencesWithin15WorkingDays());
        assertEquals(ratio(1, 1, 1), p.coreGroupsWithin10WorkingDays());
        assertEquals(ratio(1, 2, 0), p.reviewConferencesOnTime());
        assertEquals(1, p.reviewConferencesOverdue());
        assertEquals(2, p.plansStarted());
        assertEquals(List.of(new Measures.Category("multiple", 1), new Measures.Category("physical-abuse", 1)),
                p.plansByCategory());
        assertEquals(ratio(1, 2, 0), p.secondOrSubsequentPlansWithinTwoYears());
    }

    @Test
    void a_second_plan_is_not_counted_so_when_the_records_were_unlinked() {
        UUID child = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        events.add(strategy(old, other, "2026-01-05T10:00:00Z"));
        events.add(conference(old, other, "2026-01-20T10:00:00Z", List.of("neglect"), "2026-02-03T00:00:00Z", "2026-04-20"));
        events.add(new ChildProtectionPlanEnded(old, other, CSC, "review-conference", null, "sw", at("2026-06-10T10:00:00Z")));
        events.add(new ChildRecordsLinked(link, child, other, null, "same", "dsl", at("2026-07-01T10:00:00Z")));
        events.add(new ChildRecordsUnlinked(link, child, other, "not the same child", "dsl", at("2026-08-01T10:00:00Z")));
        UUID now = UUID.randomUUID();
        events.add(strategy(now, child, "2026-11-02T10:00:00Z"));
        events.add(conference(now, child, "2026-11-12T10:00:00Z", List.of("neglect"), "2026-11-26T00:00:00Z", "2027-02-12"));
        assertEquals(ratio(0, 1, 0), measures().pathway().secondOrSubsequentPlansWithinTwoYears());
    }

    @Test
    void re_referrals_count_referrals_to_children_s_social_care_of_one_child_across_linked_records() {
        UUID child = UUID.randomUUID();
        UUID sameChild = UUID.randomUUID();
        events.add(new ChildRecordsLinked(UUID.randomUUID(), child, sameChild, null, "same", "dsl", at("2026-09-01T10:00:00Z")));
        events.add(referral(sameChild, POLICE, CSC, "2026-03-01T10:00:00Z"));  // under the other record, 8 months before
        events.add(referral(child, POLICE, CSC, "2026-11-05T10:00:00Z"));      // a re-referral
        UUID other = UUID.randomUUID();
        events.add(referral(other, POLICE, SCHOOL, "2026-10-01T10:00:00Z"));  // to a school: not a referral to social care
        events.add(referral(other, SCHOOL, CSC, "2026-11-06T10:00:00Z"));     // so this is a first referral
        events.add(referral(other, POLICE, SCHOOL, "2026-11-07T10:00:00Z"));  // not in the census cohort at all
        Measures.Referrals r = measures().referrals();
        assertEquals(3, r.made());
        assertEquals(ratio(1, 2, 0), r.reReferralsWithin12Months());
    }

    @Test
    void a_referral_closed_without_its_assessment_counts_as_not_assessed_in_time() {
        UUID child = UUID.randomUUID();
        ReferralMade done = referral(child, POLICE, CSC, "2026-11-02T10:00:00Z");
        ReferralMade dropped = referral(UUID.randomUUID(), POLICE, CSC, "2026-11-03T10:00:00Z");
        events.add(done);
        events.add(dropped);
        for (ReferralMade r : List.of(done, dropped)) {
            events.add(new ReferralDecided(r.referralId(), r.childId(), CSC, "sw", "child-in-need-assessment", "s17",
                    r.madeAt().plusSeconds(3600), at("2027-01-10T00:00:00Z"), null));
        }
        events.add(new org.joinedup.events.referral.AssessmentCompleted(done.referralId(), child, CSC, "sw", "done",
                at("2026-11-20T10:00:00Z")));
        events.add(new ReferralClosed(dropped.referralId(), dropped.childId(), CSC, "sw", "family moved away",
                at("2026-11-10T10:00:00Z")));
        assertEquals(ratio(1, 2, 0), measures().referrals().assessedWithin45WorkingDays());
    }

    @Test
    void wellbeing_compares_each_indicator_and_a_team_whose_safe_rating_fell_is_never_improved() {
        // Averaged, this team improved (2.67 to 4.0); safe fell, so it is worse.
        team(List.of(rating("safe", "mostly-met"), rating("healthy", "some-concern"), rating("achieving", "some-concern")),
                List.of(rating("safe", "partly-met"), rating("healthy", "thriving"), rating("achieving", "thriving")));
        // Healthy rose, achieving fell: mixed.
        team(List.of(rating("healthy", "some-concern"), rating("achieving", "mostly-met")),
                List.of(rating("healthy", "mostly-met"), rating("achieving", "partly-met")));
        // Safe rose, nothing fell: improved.
        team(List.of(rating("safe", "some-concern")), List.of(rating("safe", "partly-met"), rating("active", "thriving")));
        // No indicator rated both times: not counted.
        team(List.of(rating("nurtured", "some-concern")), List.of(rating("included", "thriving")));
        Measures.Wellbeing w = measures().wellbeing();
        assertEquals(3, w.teamsRated());
        assertEquals(ratio(1, 3, 0), w.improved());
        assertEquals(1, w.worse());
        assertEquals(1, w.mixed());
        assertEquals(0, w.unchanged());
        assertEquals(new Measures.IndicatorChange("safe", 2, 1, 0, 1), w.safe());
        assertEquals(List.of(new Measures.IndicatorChange("safe", 2, 1, 0, 1),
                new Measures.IndicatorChange("achieving", 2, 1, 0, 1),
                new Measures.IndicatorChange("healthy", 2, 2, 0, 0)), w.byIndicator());
    }

    // ---- the ledger's events ----

    static ContactReceived contact(UUID item, UUID child, String frontDoor, String receivedAt, String dueBy) {
        return new ContactReceived(item, child, frontDoor, ContactReceived.CONCERN, UUID.randomUUID(), POLICE, "high",
                at(receivedAt), at(dueBy));
    }

    static TriageDecided decided(UUID item, String frontDoor, String at) {
        return new TriageDecided(item, UUID.randomUUID(), frontDoor, "advice-given", "r", List.of(), List.of(POLICE), "dsl", at(at));
    }

    static StrategyDiscussionRecorded strategy(UUID episode, UUID child, String heldAt) {
        return new StrategyDiscussionRecorded(episode, child, CSC, null, at(heldAt),
                List.of(new Attendance(POLICE, "police", true, null)), "section-47-enquiry", "r", "sw", at(heldAt));
    }

    static EnquiryConcluded enquiry(UUID episode, UUID child, String conferenceDueBy) {
        return new EnquiryConcluded(episode, child, CSC, "substantiated-continuing-risk", "s", at(conferenceDueBy), "sw",
                at(conferenceDueBy).minusSeconds(86_400 * 10));
    }

    static InitialConferenceHeld conference(UUID episode, UUID child, String heldAt, List<String> categories, String coreGroupDueBy,
                                            String firstReviewDueBy) {
        return new InitialConferenceHeld(episode, child, CSC, at(heldAt), List.of(POLICE), true, false,
                categories.isEmpty() ? "no-plan" : "child-protection-plan", categories, "Priya Shah", at(coreGroupDueBy),
                LocalDate.parse(firstReviewDueBy), "sw", at(heldAt));
    }

    static ReferralMade referral(UUID child, String from, String to, String madeAt) {
        return new ReferralMade(UUID.randomUUID(), child, from, to, "pr", List.of(), "worried", "routine", "told",
                new Consent("given", null), at(madeAt), at(madeAt).plusSeconds(86_400));
    }

    static WellbeingRating rating(String indicator, String level) {
        return new WellbeingRating(indicator, level, null);
    }

    void team(List<WellbeingRating> first, List<WellbeingRating> latest) {
        UUID team = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        events.add(new TeamAroundChildFormed(team, child, null, List.of(), 6, LocalDate.parse("2026-10-15"), "dsl", CSC,
                at("2026-09-01T10:00:00Z")));
        events.add(new PlanReviewed(team, child, UUID.randomUUID(), LocalDate.parse("2026-10-10"), List.of(), List.of("d"),
                LocalDate.parse("2026-11-20"), "dsl", at("2026-10-10T10:00:00Z"), first));
        events.add(new PlanReviewed(team, child, UUID.randomUUID(), LocalDate.parse("2026-11-18"), List.of(), List.of("d"),
                LocalDate.parse("2026-12-30"), "dsl", at("2026-11-18T10:00:00Z"), latest));
    }
}
