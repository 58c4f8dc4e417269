package org.joinedup.audit.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The partnership's measures for one area and period, as the ledger stood at {@code asOf}: how quickly
 * referrals are decided and assessed, how shares are answered, how teams meet and act, which partners
 * are in teams, which agreements are used, and whether children's wellbeing improves. Every measure and
 * the events it counts is defined in docs/measures.md.
 */
public record Measures(String area, LocalDate from, LocalDate to, Instant asOf, Referrals referrals, Shares shares,
                       Teams teams, Involvement involvement, Wellbeing wellbeing, Pathway pathway) {

    /**
     * {@code count} of {@code of}; {@code rate} is count / of to three places (0 when there is nothing to
     * count). {@code pending}: not yet known as of the moment (not due yet), so counted in neither.
     */
    public record Ratio(int count, int of, int pending, double rate) {
        public static Ratio of(int count, int of, int pending) {
            return new Ratio(count, of, pending, of == 0 ? 0 : Math.round(1000.0 * count / of) / 1000.0);
        }

        public static Ratio of(int count, int of) {
            return of(count, of, 0);
        }
    }

    public record Referrals(int made, Ratio decidedWithinOneWorkingDay, Ratio assessedWithin45WorkingDays,
                            Ratio reReferralsWithin12Months, List<ByReferringAgency> byReferringAgency) {
    }

    public record ByReferringAgency(String agencyId, int made, Ratio decidedWithinOneWorkingDay,
                                    Ratio assessedWithin45WorkingDays, Ratio reReferralsWithin12Months) {
    }

    /** Hours from a share to its acknowledgement: the median and the 90th percentile (nearest rank); 0 when none. */
    public record Hours(double median, double p90) {
    }

    public record Shares(int made, Ratio acknowledged, Hours hoursToAcknowledge, int declined, List<Reason> declinedReasons,
                         Ratio overrides) {
    }

    public record Reason(String reasons, int count) {
    }

    /**
     * @param assessmentToFirstMeeting teams working from an assessment completed in the period: how many met
     *                                 (a first review held), the median days from the assessment to it, and how
     *                                 many are still waiting
     */
    public record Teams(int formed, FirstMeeting assessmentToFirstMeeting, Ratio reviewsOnTime, int reviewsMissed,
                        List<ByAgency> actionsOnTime, List<ByAgency> attendance) {
    }

    public record FirstMeeting(int teams, int met, double medianDays, int waiting) {
    }

    /** One agency's (or, as {@code parents-and-carers}, the families') share of something. */
    public record ByAgency(String agencyId, Ratio ratio) {
    }

    public record Involvement(List<AgencyKind> agencyKinds, List<Agreement> agreementsNeverUsed,
                              List<Agreement> agreementsUsedWithoutReview) {
    }

    /**
     * @param concernsRaised     concerns agencies of this kind raised in the period
     * @param inTeams            of the children those concerns are about who have a team, those whose team
     *                           has (or had) a practitioner of an agency of this kind
     */
    public record AgencyKind(String kind, int concernsRaised, Ratio inTeams) {
    }

    public record Agreement(UUID agreementId, String title, LocalDate reviewDate, int sharesInPeriod, int sharesAfterReviewDate) {
    }

    /**
     * Teams with two or more rated reviews, the latest in the period, whose first and latest rated a common
     * indicator: each such indicator compared on its own. {@code improved}: some rose, none fell; {@code worse}:
     * some fell and none rose, or {@code safe} fell; {@code mixed}: some rose and some fell, safe not among the
     * falls. {@code safe} and {@code byIndicator}: per indicator, how many teams rated it in both, and how many
     * saw it rise, stay, fall.
     */
    public record Wellbeing(int teamsRated, Ratio improved, int unchanged, int worse, int mixed, IndicatorChange safe,
                            List<IndicatorChange> byIndicator) {
    }

    public record IndicatorChange(String indicator, int teams, int improved, int unchanged, int worse) {
    }

    /**
     * The statutory pathway's national measures (docs/measures.md): contacts to the front door and those decided
     * within one working day; strategy discussions whose enquiry called an initial conference, held within 15
     * working days; plans whose core group first met within 10 working days; review conferences held on time,
     * and those recorded overdue; plans started, by category ({@code multiple} for more than one); plans that are
     * a child's second or subsequent within two years of the last ending (linked records one child).
     */
    public record Pathway(int contacts, Ratio contactsDecidedWithinOneWorkingDay,
                          Ratio initialConferencesWithin15WorkingDays, Ratio coreGroupsWithin10WorkingDays,
                          Ratio reviewConferencesOnTime, int reviewConferencesOverdue, int plansStarted,
                          List<Category> plansByCategory, Ratio secondOrSubsequentPlansWithinTwoYears) {
    }

    public record Category(String category, int plans) {
    }
}
