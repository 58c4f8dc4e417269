package org.joinedup.audit.measures;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.Contact;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted;
import org.joinedup.events.referral.AssessmentCompleted;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.team.ActionAgreed;
import org.joinedup.events.team.ActionCancelled;
import org.joinedup.events.team.ActionCompleted;
import org.joinedup.events.team.AssessmentLinked;
import org.joinedup.events.team.PlanReviewMissed;
import org.joinedup.events.team.PlanReviewed;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.events.team.WellbeingRating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A month of one area's partnership work, small enough to count by hand: docs/measures.md walks through
 * it and says what each measure must answer. November 2026, read as of 5 December 2026 at noon. Agency
 * ids and the area carry a suffix so that the fixture can be published into a shared ledger.
 */
public final class MeasuresFixture {
    public static final LocalDate FROM = LocalDate.parse("2026-11-01");
    public static final LocalDate TO = LocalDate.parse("2026-11-30");
    public static final Instant AS_OF = Instant.parse("2026-12-05T12:00:00Z");

    public final String area;
    public final String csc;
    public final String police;
    public final String school;
    public final String health;
    public final String enfieldCsc;
    public final String enfieldPolice;
    public final UUID agreementUsed = UUID.randomUUID();
    public final UUID agreementUnused = UUID.randomUUID();
    final UUID childA = UUID.randomUUID();
    final UUID childB = UUID.randomUUID();
    final UUID childC = UUID.randomUUID();
    final UUID childD = UUID.randomUUID();
    final UUID childE = UUID.randomUUID();

    public MeasuresFixture(String suffix) {
        area = "Haringey" + suffix;
        csc = "csc" + suffix;
        police = "police" + suffix;
        school = "school" + suffix;
        health = "health" + suffix;
        enfieldCsc = "enfield-csc" + suffix;
        enfieldPolice = "enfield-police" + suffix;
    }

    static Instant at(String t) {
        return Instant.parse(t);
    }

    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    /** Each event with the agency that recorded it (the ledger's agency), in the order the ledger records them. */
    public record Recorded(EventPayload event, String agencyId) {
    }

    public List<Recorded> recorded() {
        List<Recorded> r = new ArrayList<>();
        Instant registered = at("2026-01-01T00:00:00Z");
        for (String[] a : new String[][] {{csc, "childrens-social-care", area}, {police, "police", area},
                {school, "education", area}, {health, "health", area}, {enfieldCsc, "childrens-social-care", "Enfield" + csc},
                {enfieldPolice, "police", "Enfield" + csc}}) {
            r.add(new Recorded(new AgencyRegistered(a[0], a[0], a[1], a[2], new Contact("duty@" + a[0] + ".example", null),
                    List.of(), "admin", registered), null));
        }
        // Agreements: one used (once before its review date, once after), one never used, one outside the area,
        // one revoked before the period.
        r.add(new Recorded(new SharingAgreementActivated(agreementUsed, terms("Early help information sharing",
                List.of(police, school, health), day("2026-11-05")), registered), null));
        r.add(new Recorded(new SharingAgreementActivated(agreementUnused, terms("MASH agreement", List.of(csc, police), day("2027-06-01")),
                registered), null));
        r.add(new Recorded(new SharingAgreementActivated(UUID.randomUUID(), terms("Enfield protocol",
                List.of(enfieldCsc, enfieldPolice), day("2027-06-01")), registered), null));
        UUID revoked = UUID.randomUUID();
        r.add(new Recorded(new SharingAgreementActivated(revoked, terms("Old protocol", List.of(csc, police), day("2027-06-01")), registered), null));
        r.add(new Recorded(new SharingAgreementRevoked(revoked, "replaced", "admin", at("2026-10-15T09:00:00Z")), null));

        // Team T3 (child D), formed in September with a school member; its first review in September.
        UUID t3 = UUID.randomUUID();
        TeamMember m6 = practitioner(school);
        r.add(new Recorded(new TeamAroundChildFormed(t3, childD, null, List.of(m6), 4, day("2026-09-29"), "dsl", csc,
                at("2026-09-01T10:00:00Z")), csc));
        r.add(new Recorded(review(t3, childD, "2026-09-28", List.of(m6.memberId()), "2026-11-16",
                List.of(new WellbeingRating("safe", "thriving", null))), school));
        // Team T2 (child A), formed in October with police and children's social care.
        UUID t2 = UUID.randomUUID();
        TeamMember m4 = practitioner(police);
        TeamMember m5 = practitioner(csc);
        r.add(new Recorded(new TeamAroundChildFormed(t2, childA, null, List.of(m4, m5), 4, day("2026-11-05"), "dsl", csc,
                at("2026-10-01T10:00:00Z")), csc));
        // An old referral of child C, more than 12 months before its next.
        r.add(new Recorded(new ReferralMade(UUID.randomUUID(), childC, police, csc, "pc", List.of(), "r", "routine", "told",
                new Consent("given", null), at("2025-10-01T10:00:00Z"), at("2025-10-02T17:00:00Z")), police));
        // A share before the period.
        UUID s4 = UUID.randomUUID();
        r.add(new Recorded(share(s4, childA, police, school, agreementUsed, false, "2026-10-30T10:00:00Z"), police));

        // November: concerns.
        r.add(new Recorded(concern(childA, police, "2026-11-01T09:00:00Z"), police));
        r.add(new Recorded(concern(childC, police, "2026-11-03T09:00:00Z"), police));
        r.add(new Recorded(concern(childB, school, "2026-11-04T09:00:00Z"), school));
        r.add(new Recorded(concern(childE, health, "2026-11-05T09:00:00Z"), health));
        r.add(new Recorded(concern(childB, police, "2026-11-06T09:00:00Z"), police));
        r.add(new Recorded(new InformationShareAcknowledged(s4, childA, school, "t", at("2026-11-01T10:00:00Z")), school));

        // Referrals R1..R4 (Haringey), R5 (Enfield).
        UUID r1 = UUID.randomUUID();
        r.add(new Recorded(referral(r1, childA, police, "2026-11-02T10:00:00Z", "2026-11-03T17:00:00Z"), police));
        r.add(new Recorded(new ReferralDecided(r1, childA, csc, "sw", "child-in-need-assessment", "s17",
                at("2026-11-03T09:00:00Z"), at("2026-12-31T17:00:00Z"), null), csc));
        UUID r2 = UUID.randomUUID();
        r.add(new Recorded(referral(r2, childB, school, "2026-11-10T10:00:00Z", "2026-11-11T17:00:00Z"), school));
        r.add(new Recorded(new ReferralDecided(r2, childB, csc, "sw", "child-in-need-assessment", "s17",
                at("2026-11-12T10:00:00Z"), at("2026-11-20T17:00:00Z"), null), csc));
        r.add(new Recorded(new AssessmentCompleted(r2, childB, csc, "sw", "needs met", at("2026-11-19T10:00:00Z")), csc));
        r.add(new Recorded(referral(UUID.randomUUID(), childA, police, "2026-11-20T10:00:00Z", "2026-11-21T17:00:00Z"), police));
        r.add(new Recorded(referral(UUID.randomUUID(), childC, police, "2026-11-28T10:00:00Z", "2026-12-07T17:00:00Z"), police));
        r.add(new Recorded(new ReferralMade(UUID.randomUUID(), UUID.randomUUID(), enfieldPolice, enfieldCsc, "pc", List.of(),
                "r", "routine", "told", new Consent("given", null), at("2026-11-15T10:00:00Z"), at("2026-11-16T17:00:00Z")),
                enfieldPolice));

        // Shares S1..S3, declines D1..D3.
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        r.add(new Recorded(share(s1, childA, police, school, agreementUsed, false, "2026-11-05T10:00:00Z"), police));
        r.add(new Recorded(new InformationShareAcknowledged(s1, childA, school, "t", at("2026-11-05T14:00:00Z")), school));
        r.add(new Recorded(share(s2, childB, police, health, agreementUsed, false, "2026-11-06T10:00:00Z"), police));
        r.add(new Recorded(share(UUID.randomUUID(), childB, health, csc, null, true, "2026-11-07T09:00:00Z"), health));
        r.add(new Recorded(new InformationShareAcknowledged(s2, childB, health, "n", at("2026-11-08T10:00:00Z")), health));
        r.add(new Recorded(decline(childB, school, police, "not proportionate", "2026-11-09T10:00:00Z"), school));
        r.add(new Recorded(decline(childE, health, police, "not proportionate", "2026-11-10T10:00:00Z"), health));
        r.add(new Recorded(decline(childA, csc, police, "no lawful basis", "2026-11-11T10:00:00Z"), csc));

        // Team T2: a late review, then a missed one.
        r.add(new Recorded(review(t2, childA, "2026-11-10", List.of(m5.memberId()), "2026-11-24", List.of()), csc));
        r.add(new Recorded(new PlanReviewMissed(t2, childA, day("2026-11-24"), at("2026-11-24T23:59:00Z")), null));

        // Early help assessment EA1 (child B) concluded a team: T1, with school, health and the mother.
        UUID ea1 = UUID.randomUUID();
        r.add(new Recorded(new EarlyHelpAssessmentCompleted(ea1, childB, 2, "team-around-the-child", "three agencies", null,
                "t", school, at("2026-11-11T15:00:00Z")), school));
        UUID t1 = UUID.randomUUID();
        TeamMember m1 = practitioner(school);
        TeamMember m2 = practitioner(health);
        TeamMember m3 = new TeamMember(UUID.randomUUID(), "parent-carer", "Ms B", "Mother", null, null);
        r.add(new Recorded(new TeamAroundChildFormed(t1, childB, null, List.of(m1, m2, m3), 4, day("2026-11-26"), "dsl", csc,
                at("2026-11-12T12:00:00Z")), csc));
        r.add(new Recorded(new AssessmentLinked(t1, childB, ea1, "dsl", at("2026-11-12T12:00:00Z")), csc));
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID a3 = UUID.randomUUID();
        UUID a4 = UUID.randomUUID();
        r.add(new Recorded(action(t1, childB, a1, m1, "2026-11-20"), csc));
        r.add(new Recorded(action(t1, childB, a2, m2, "2026-11-25"), csc));
        r.add(new Recorded(action(t1, childB, a3, m3, "2026-11-30"), csc));
        r.add(new Recorded(action(t1, childB, a4, m1, "2026-11-22"), csc));
        r.add(new Recorded(action(t1, childB, UUID.randomUUID(), m2, "2026-12-10"), csc));
        r.add(new Recorded(new ActionCompleted(t1, childB, a1, null, "t", at("2026-11-19T15:00:00Z")), school));
        r.add(new Recorded(new ActionCancelled(t1, childB, a4, "not needed", "t", at("2026-11-19T15:00:00Z")), school));
        // T3's second review: on time, rated worse on "safe".
        r.add(new Recorded(review(t3, childD, "2026-11-15", List.of(m6.memberId()), "2026-12-13",
                List.of(new WellbeingRating("safe", "partly-met", null), new WellbeingRating("active", "mostly-met", null))),
                school));
        r.add(new Recorded(review(t1, childB, "2026-11-25", List.of(m1.memberId(), m3.memberId()), "2026-12-20",
                List.of(new WellbeingRating("safe", "some-concern", null), new WellbeingRating("healthy", "partly-met", null))),
                school));
        r.add(new Recorded(new ActionCompleted(t1, childB, a2, null, "n", at("2026-11-27T11:00:00Z")), health));
        r.add(new Recorded(review(t1, childB, "2026-11-29", List.of(m1.memberId(), m2.memberId(), m3.memberId()), "2026-12-20",
                List.of(new WellbeingRating("safe", "mostly-met", null), new WellbeingRating("healthy", "partly-met", null))),
                school));
        return r;
    }

    public List<EventPayload> events() {
        return recorded().stream().map(Recorded::event).toList();
    }

    private static AgreementTerms terms(String title, List<String> parties, LocalDate reviewDate) {
        return new AgreementTerms(title, parties, List.of("concerns"), List.of("safeguarding"), "public-task", null,
                "strategic", "monthly", day("2026-01-01"), day("2027-12-31"), reviewDate);
    }

    private static TeamMember practitioner(String agency) {
        return new TeamMember(UUID.randomUUID(), "practitioner", null, "Practitioner", agency, "pr-" + agency);
    }

    private ReferralMade referral(UUID id, UUID child, String from, String madeAt, String dueBy) {
        return new ReferralMade(id, child, from, csc, "pr", List.of(), "worried", "routine", "told",
                new Consent("given", null), at(madeAt), at(dueBy));
    }

    private static InformationShared share(UUID id, UUID child, String from, String to, UUID agreement, boolean override,
                                           String sharedAt) {
        return new InformationShared(id, child, from, to, List.of(), "note", "safeguarding", "public-task",
                new Consent("given", null), agreement, override, override ? "no agreement covered it" : null, "pr",
                at(sharedAt));
    }

    private static InformationShareDeclined decline(UUID child, String from, String to, String reasons, String decidedAt) {
        return new InformationShareDeclined(UUID.randomUUID(), child, from, to, List.of(), "safeguarding", reasons, "dsl",
                at(decidedAt));
    }

    private static ConcernRaised concern(UUID child, String agency, String when) {
        Instant t = at(when);
        return new ConcernRaised(UUID.randomUUID(), child, agency, "pr", new ChildIdentification(null, "Doe", "Sam",
                LocalDate.of(2016, 1, 2), null), "neglect", List.of("safe"), "medium", "seen", null, t, t);
    }

    private static PlanReviewed review(UUID team, UUID child, String heldOn, List<UUID> attendees, String next,
                                       List<WellbeingRating> ratings) {
        return new PlanReviewed(team, child, UUID.randomUUID(), day(heldOn), attendees, List.of("carry on"), day(next), "lp",
                day(heldOn).atTime(16, 0).atZone(PartnershipMeasures.LONDON).toInstant(), ratings);
    }

    private static ActionAgreed action(UUID team, UUID child, UUID id, TeamMember owner, String due) {
        return new ActionAgreed(team, child, id, "do something", owner.memberId(), day(due), "lp", at("2026-11-12T13:00:00Z"));
    }
}
