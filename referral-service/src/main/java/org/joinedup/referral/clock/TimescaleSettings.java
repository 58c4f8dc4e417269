package org.joinedup.referral.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.ZoneId;

/** {@code joinedup.timescales.*}: the statutory clocks' configuration; docs/referrals.md gives the sources. */
@ConfigMapping(prefix = "joinedup.timescales")
public interface TimescaleSettings {
    /** Working days for the decision on a referral (Working Together 2023, 1 working day). */
    @WithDefault("1")
    int decisionWorkingDays();

    /** Working days from the referral to the end of the assessment (Working Together 2023, 45). */
    @WithDefault("45")
    int assessmentWorkingDays();

    /** Working days from the strategy discussion to the initial child protection conference (15). */
    @WithDefault("15")
    int conferenceWorkingDays();

    /** Weeks between Team Around the Child reviews, unless a review sets the next date. */
    @WithDefault("6")
    int reviewEveryWeeks();

    /**
     * Months between reviews of a child in need plan: no statute sets them, Working Together 2023 asks for regular
     * review; three months is common local practice (docs/pathway.md).
     */
    @WithDefault("3")
    int childInNeedReviewMonths();

    /** The jollyday calendar: GB. */
    @WithDefault("GB")
    String holidayCalendar();

    /** The jollyday region within it: eng (England and Wales share bank holidays). */
    @WithDefault("eng")
    String holidayRegion();

    /** The zone whose calendar days the timescales count. */
    @WithDefault("Europe/London")
    String zone();

    @ApplicationScoped
    class Producer {
        @Produces
        @jakarta.inject.Singleton
        Timescales timescales(TimescaleSettings s) {
            for (int n : new int[] {s.decisionWorkingDays(), s.assessmentWorkingDays(), s.conferenceWorkingDays(), s.reviewEveryWeeks()}) {
                if (n < 1) {
                    throw new IllegalArgumentException("joinedup.timescales.* must each be at least 1");
                }
            }
            return new Timescales(new WorkingDays(s.holidayCalendar(), s.holidayRegion(), ZoneId.of(s.zone())),
                    s.decisionWorkingDays(), s.assessmentWorkingDays(), s.conferenceWorkingDays(), s.reviewEveryWeeks());
        }
    }
}
