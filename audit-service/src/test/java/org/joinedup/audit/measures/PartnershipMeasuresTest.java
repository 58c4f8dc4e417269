package org.joinedup.audit.measures;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each measure against the fixture counted by hand (docs/measures.md walks through the same month). No
 * Quarkus: given the ledger's events, then these figures.
 */
class PartnershipMeasuresTest {
    final MeasuresFixture f = new MeasuresFixture("-fx");
    final Measures m = PartnershipMeasures.compute(f.events(), f.area, MeasuresFixture.FROM, MeasuresFixture.TO,
            MeasuresFixture.AS_OF);

    static Measures.Ratio ratio(int count, int of, int pending) {
        return Measures.Ratio.of(count, of, pending);
    }

    @Test
    void referrals_decided_in_a_working_day_assessed_in_45_and_re_referred_within_12_months_by_referring_agency() {
        Measures.Referrals r = m.referrals();
        assertEquals(4, r.made());
        assertEquals(ratio(1, 3, 1), r.decidedWithinOneWorkingDay());
        assertEquals(0.333, r.decidedWithinOneWorkingDay().rate());
        assertEquals(ratio(1, 1, 1), r.assessedWithin45WorkingDays());
        assertEquals(ratio(1, 4, 0), r.reReferralsWithin12Months());
        assertEquals(0.25, r.reReferralsWithin12Months().rate());
        assertEquals(List.of(
                new Measures.ByReferringAgency(f.police, 3, ratio(1, 2, 1), ratio(0, 0, 1), ratio(1, 3, 0)),
                new Measures.ByReferringAgency(f.school, 1, ratio(0, 1, 0), ratio(1, 1, 0), ratio(0, 1, 0))),
                r.byReferringAgency());
    }

    @Test
    void shares_acknowledged_and_how_fast_declined_with_reasons_and_overrides() {
        Measures.Shares s = m.shares();
        assertEquals(3, s.made());
        assertEquals(ratio(2, 3, 0), s.acknowledged());
        assertEquals(0.667, s.acknowledged().rate());
        assertEquals(new Measures.Hours(4.0, 48.0), s.hoursToAcknowledge());
        assertEquals(3, s.declined());
        assertEquals(List.of(new Measures.Reason("not proportionate", 2), new Measures.Reason("no lawful basis", 1)),
                s.declinedReasons());
        assertEquals(ratio(1, 3, 0), s.overrides());
    }

    @Test
    void teams_first_meeting_reviews_on_time_actions_on_time_and_attendance_of_each_agency_and_the_family() {
        Measures.Teams t = m.teams();
        assertEquals(1, t.formed());
        assertEquals(new Measures.FirstMeeting(1, 1, 14.0, 0), t.assessmentToFirstMeeting());
        assertEquals(ratio(3, 4, 0), t.reviewsOnTime());
        assertEquals(1, t.reviewsMissed());
        assertEquals(List.of(new Measures.ByAgency(f.health, ratio(0, 1, 0)), new Measures.ByAgency(f.school, ratio(1, 1, 0)),
                new Measures.ByAgency(PartnershipMeasures.FAMILY, ratio(0, 1, 0))), t.actionsOnTime());
        assertEquals(List.of(new Measures.ByAgency(f.csc, ratio(1, 1, 0)), new Measures.ByAgency(f.health, ratio(1, 2, 0)),
                new Measures.ByAgency(f.police, ratio(0, 1, 0)), new Measures.ByAgency(f.school, ratio(3, 3, 0)),
                new Measures.ByAgency(PartnershipMeasures.FAMILY, ratio(2, 2, 0))), t.attendance());
    }

    @Test
    void agency_kinds_that_raise_concerns_but_are_not_in_teams_and_agreements_unused_or_used_past_review() {
        Measures.Involvement i = m.involvement();
        assertEquals(List.of(new Measures.AgencyKind("education", 1, ratio(1, 1, 0)),
                new Measures.AgencyKind("health", 1, ratio(0, 0, 0)),
                new Measures.AgencyKind("police", 3, ratio(1, 2, 0))), i.agencyKinds());
        assertEquals(List.of(f.agreementUnused), i.agreementsNeverUsed().stream().map(Measures.Agreement::agreementId).toList());
        assertEquals(List.of(new Measures.Agreement(f.agreementUsed, "Early help information sharing", LocalDate.parse("2026-11-05"),
                2, 1)), i.agreementsUsedWithoutReview());
    }

    @Test
    void the_share_of_teams_whose_wellbeing_ratings_improved_first_to_latest() {
        Measures.IndicatorChange safe = new Measures.IndicatorChange("safe", 2, 1, 0, 1);
        assertEquals(new Measures.Wellbeing(2, ratio(1, 2, 0), 0, 1, 0, safe,
                List.of(safe, new Measures.IndicatorChange("healthy", 1, 0, 1, 0))), m.wellbeing());
    }

    @Test
    void an_empty_period_answers_zeros_and_the_period() {
        Measures empty = PartnershipMeasures.compute(f.events(), f.area, LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-31"), MeasuresFixture.AS_OF);
        assertEquals(LocalDate.parse("2025-03-01"), empty.from());
        assertEquals(new Measures.Referrals(0, ratio(0, 0, 0), ratio(0, 0, 0), ratio(0, 0, 0), List.of()), empty.referrals());
        assertEquals(0, empty.shares().made());
        assertEquals(new Measures.Hours(0, 0), empty.shares().hoursToAcknowledge());
        assertEquals(new Measures.Teams(0, new Measures.FirstMeeting(0, 0, 0, 0), ratio(0, 0, 0), 0, List.of(), List.of()),
                empty.teams());
        assertEquals(new Measures.Involvement(List.of(), List.of(), List.of()), empty.involvement());
        assertEquals(new Measures.Wellbeing(0, ratio(0, 0, 0), 0, 0, 0, new Measures.IndicatorChange("safe", 0, 0, 0, 0),
                List.of()), empty.wellbeing());
        assertEquals(new Measures.Pathway(0, ratio(0, 0, 0), ratio(0, 0, 0), ratio(0, 0, 0), ratio(0, 0, 0), 0, 0, List.of(),
                ratio(0, 0, 0)), empty.pathway());
        assertEquals(0, PartnershipMeasures.compute(f.events(), "Nowhere", MeasuresFixture.FROM, MeasuresFixture.TO,
                MeasuresFixture.AS_OF).referrals().made());
    }

    @Test
    void as_of_an_earlier_moment_only_what_was_recorded_by_then_counts_and_what_was_not_yet_due_is_pending() {
        java.time.Instant earlier = java.time.Instant.parse("2026-11-21T12:00:00Z");
        Measures then = PartnershipMeasures.compute(f.events().stream().filter(e -> !e.occurredAt().isAfter(earlier)).toList(),
                f.area, MeasuresFixture.FROM, MeasuresFixture.TO, earlier);
        // R1 in time, R2 late, R3 made the day before and not due until 17:00: pending.
        assertEquals(3, then.referrals().made());
        assertEquals(ratio(1, 2, 1), then.referrals().decidedWithinOneWorkingDay());
    }

    @Test
    void the_csv_has_one_row_per_figure_and_defuses_formulas() {
        String csv = MeasuresCsv.of(m);
        assertEquals(MeasuresCsv.HEADER, csv.lines().findFirst().orElseThrow());
        assertEquals(true, csv.contains(",referrals,decided-within-one-working-day,,1,3,1,0.333,"), csv);
        assertEquals(true, csv.contains(",shares,declined-reason,not proportionate,,,,,2"), csv);
        assertEquals("'=1+1", MeasuresCsv.field("=1+1"));
        assertEquals("\"a, \"\"b\"\"\"", MeasuresCsv.field("a, \"b\""));
    }
}
