package org.joinedup.audit.measures;

import java.util.ArrayList;
import java.util.List;

/**
 * The measures as CSV (RFC 4180), one row per figure: section, measure, breakdown (an agency, a kind,
 * a reason, an agreement), count, of, pending, rate, value. A field a spreadsheet would run as a
 * formula (starting with =, +, -, @) is prefixed with an apostrophe.
 */
public final class MeasuresCsv {
    public static final String HEADER = "area,from,to,as_of,section,measure,breakdown,count,of,pending,rate,value";

    private MeasuresCsv() {
    }

    public static String of(Measures m) {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        Rows r = new Rows(m, rows);
        var ref = m.referrals();
        r.value("referrals", "made", null, ref.made());
        r.ratio("referrals", "decided-within-one-working-day", null, ref.decidedWithinOneWorkingDay());
        r.ratio("referrals", "assessed-within-45-working-days", null, ref.assessedWithin45WorkingDays());
        r.ratio("referrals", "re-referrals-within-12-months", null, ref.reReferralsWithin12Months());
        for (var a : ref.byReferringAgency()) {
            r.value("referrals", "made", a.agencyId(), a.made());
            r.ratio("referrals", "decided-within-one-working-day", a.agencyId(), a.decidedWithinOneWorkingDay());
            r.ratio("referrals", "assessed-within-45-working-days", a.agencyId(), a.assessedWithin45WorkingDays());
            r.ratio("referrals", "re-referrals-within-12-months", a.agencyId(), a.reReferralsWithin12Months());
        }
        var sh = m.shares();
        r.value("shares", "made", null, sh.made());
        r.ratio("shares", "acknowledged", null, sh.acknowledged());
        r.value("shares", "hours-to-acknowledge-median", null, sh.hoursToAcknowledge().median());
        r.value("shares", "hours-to-acknowledge-p90", null, sh.hoursToAcknowledge().p90());
        r.value("shares", "declined", null, sh.declined());
        sh.declinedReasons().forEach(x -> r.value("shares", "declined-reason", x.reasons(), x.count()));
        r.ratio("shares", "overrides-without-agreement", null, sh.overrides());
        var t = m.teams();
        r.value("teams", "formed", null, t.formed());
        r.value("teams", "assessment-to-first-meeting-teams", null, t.assessmentToFirstMeeting().teams());
        r.value("teams", "assessment-to-first-meeting-met", null, t.assessmentToFirstMeeting().met());
        r.value("teams", "assessment-to-first-meeting-median-days", null, t.assessmentToFirstMeeting().medianDays());
        r.value("teams", "assessment-to-first-meeting-waiting", null, t.assessmentToFirstMeeting().waiting());
        r.ratio("teams", "reviews-on-time", null, t.reviewsOnTime());
        r.value("teams", "reviews-missed", null, t.reviewsMissed());
        t.actionsOnTime().forEach(a -> r.ratio("teams", "actions-on-time", a.agencyId(), a.ratio()));
        t.attendance().forEach(a -> r.ratio("teams", "review-attendance", a.agencyId(), a.ratio()));
        var inv = m.involvement();
        for (var k : inv.agencyKinds()) {
            r.value("involvement", "concerns-raised", k.kind(), k.concernsRaised());
            r.ratio("involvement", "in-teams-of-children-with-concerns", k.kind(), k.inTeams());
        }
        inv.agreementsNeverUsed().forEach(a -> r.value("involvement", "agreement-never-used",
                a.title() + " (" + a.agreementId() + ")", 0));
        inv.agreementsUsedWithoutReview().forEach(a -> r.value("involvement", "agreement-used-after-review-date",
                a.title() + " (" + a.agreementId() + ")", a.sharesAfterReviewDate()));
        var w = m.wellbeing();
        r.value("wellbeing", "teams-rated", null, w.teamsRated());
        r.ratio("wellbeing", "improved", null, w.improved());
        r.value("wellbeing", "unchanged", null, w.unchanged());
        r.value("wellbeing", "worse", null, w.worse());
        r.value("wellbeing", "mixed", null, w.mixed());
        for (var c : w.byIndicator()) {
            r.value("wellbeing", "indicator-teams", c.indicator(), c.teams());
            r.value("wellbeing", "indicator-improved", c.indicator(), c.improved());
            r.value("wellbeing", "indicator-unchanged", c.indicator(), c.unchanged());
            r.value("wellbeing", "indicator-worse", c.indicator(), c.worse());
        }
        var p = m.pathway();
        r.value("pathway", "contacts", null, p.contacts());
        r.ratio("pathway", "contacts-decided-within-one-working-day", null, p.contactsDecidedWithinOneWorkingDay());
        r.ratio("pathway", "initial-conferences-within-15-working-days", null, p.initialConferencesWithin15WorkingDays());
        r.ratio("pathway", "core-groups-within-10-working-days", null, p.coreGroupsWithin10WorkingDays());
        r.ratio("pathway", "review-conferences-on-time", null, p.reviewConferencesOnTime());
        r.value("pathway", "review-conferences-overdue", null, p.reviewConferencesOverdue());
        r.value("pathway", "plans-started", null, p.plansStarted());
        p.plansByCategory().forEach(c -> r.value("pathway", "plans-by-category", c.category(), c.plans()));
        r.ratio("pathway", "second-or-subsequent-plans-within-two-years", null, p.secondOrSubsequentPlansWithinTwoYears());
        return String.join("\r\n", rows) + "\r\n";
    }

    private record Rows(Measures m, List<String> rows) {
        void value(String section, String measure, String breakdown, Number value) {
            add(section, measure, breakdown, "", "", "", "", number(value));
        }

        void ratio(String section, String measure, String breakdown, Measures.Ratio r) {
            add(section, measure, breakdown, String.valueOf(r.count()), String.valueOf(r.of()), String.valueOf(r.pending()),
                    number(r.rate()), "");
        }

        private void add(String section, String measure, String breakdown, String count, String of, String pending,
                         String rate, String value) {
            rows.add(String.join(",", field(m.area()), m.from().toString(), m.to().toString(), m.asOf().toString(), section,
                    measure, field(breakdown), count, of, pending, rate, value));
        }
    }

    private static String number(Number n) {
        if (n instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return String.valueOf(n);
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
