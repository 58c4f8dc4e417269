package org.joinedup.referral.clock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bank holidays of England and Wales come from jollyday; these dates are checked against gov.uk/bank-holidays. */
class WorkingDaysTest {
    final WorkingDays days = WorkingDays.englandAndWales();

    @Test
    void the_bank_holidays_of_england_and_wales_are_not_working_days() {
        for (String holiday : new String[] {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                "2026-08-31", "2026-12-25", "2026-12-28", "2027-03-26", "2027-03-29"}) {
            assertFalse(days.isWorkingDay(LocalDate.parse(holiday)), holiday);
        }
        assertTrue(days.isWorkingDay(LocalDate.parse("2026-08-28")), "a Friday");
        assertFalse(days.isWorkingDay(LocalDate.parse("2026-08-29")), "a Saturday");
        // Scotland's 2 January and St Andrew's Day are not holidays in England and Wales.
        assertTrue(days.isWorkingDay(LocalDate.parse("2026-11-30")));
        assertTrue(days.isWorkingDay(LocalDate.parse("2029-01-02")));
    }

    @Test
    void one_working_day_from_a_friday_afternoon_before_a_bank_holiday_monday_ends_at_midnight_after_tuesday() {
        Instant fridayAfternoon = Instant.parse("2026-08-28T14:30:00Z"); // 15:30 BST
        assertEquals(LocalDate.parse("2026-09-01"), days.nthWorkingDayAfter(days.date(fridayAfternoon), 1));
        assertEquals(Instant.parse("2026-09-01T23:00:00Z"), days.dueBy(fridayAfternoon, 1)); // midnight BST
    }

    @Test
    void christmas_and_the_substitute_boxing_day_are_skipped() {
        assertEquals(LocalDate.parse("2026-12-29"), days.nthWorkingDayAfter(LocalDate.parse("2026-12-24"), 1));
    }

    @Test
    void forty_five_working_days_from_monday_2_november_2026_end_on_thursday_7_january_2027() {
        // Counted by hand: 20 in November (3rd to 30th), 16 in December (the 25th and 28th are holidays),
        // 1 January is a holiday, then 4, 5, 6 and 7 January.
        assertEquals(LocalDate.parse("2027-01-07"), days.nthWorkingDayAfter(LocalDate.parse("2026-11-02"), 45));
        assertEquals(Instant.parse("2027-01-08T00:00:00Z"), days.dueBy(Instant.parse("2026-11-02T10:00:00Z"), 45));
    }

    @Test
    void a_late_evening_instant_counts_from_its_london_day() {
        // 23:30 UTC on Sunday 31 May 2026 is 00:30 BST on Monday 1 June: the day is Monday.
        assertEquals(LocalDate.parse("2026-06-01"), days.date(Instant.parse("2026-05-31T23:30:00Z")));
        assertEquals(Instant.parse("2026-06-02T23:00:00Z"), days.dueBy(Instant.parse("2026-05-31T23:30:00Z"), 1));
    }
}
