package org.joinedup.referral.clock;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working days of one jurisdiction: Monday to Friday except its bank holidays, which come from the
 * jollyday calendar library (never a hand-typed list). For England and Wales: calendar {@code GB},
 * region {@code eng}, zone {@code Europe/London}.
 *
 * <p>A timescale of N working days from an instant ends at the end of the Nth working day after the
 * day of that instant (the day itself does not count), in the jurisdiction's zone: a referral made at
 * 16:00 on a Friday before a bank-holiday Monday has one working day, Tuesday, and is due by midnight
 * at the end of Tuesday.
 */
public final class WorkingDays {
    private final HolidayManager holidays;
    private final String[] region;
    private final ZoneId zone;

    public WorkingDays(String calendar, String region, ZoneId zone) {
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(calendar));
        this.region = region == null || region.isBlank() ? new String[0] : new String[] {region};
        this.zone = zone;
    }

    public static WorkingDays englandAndWales() {
        return new WorkingDays("GB", "eng", ZoneId.of("Europe/London"));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.isHoliday(day, region);
    }

    /** The Nth working day after {@code start} (not counting {@code start}); n must be at least 1. */
    public LocalDate nthWorkingDayAfter(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a timescale is at least one working day");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** When a timescale of {@code n} working days from {@code start} runs out: the end of the Nth working day after. */
    public Instant dueBy(Instant start, int n) {
        return endOf(nthWorkingDayAfter(date(start), n));
    }

    /** The first instant after {@code day} in the zone (midnight at its end). */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The calendar day of an instant in the zone. */
    public LocalDate date(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
