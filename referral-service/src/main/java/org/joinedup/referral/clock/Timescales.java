package org.joinedup.referral.clock;

/**
 * The statutory timescales the clocks run to (Working Together to Safeguard Children), in working
 * days, and the default interval between Team Around the Child reviews.
 *
 * @param decision       a decision on a referral: 1 working day from receipt
 * @param assessment     an assessment: 45 working days from the referral
 * @param conference     an initial child protection conference: 15 working days from the strategy discussion
 * @param reviewEveryWeeks a Team Around the Child reviews its plan this often unless it agrees otherwise
 */
public record Timescales(WorkingDays days, int decision, int assessment, int conference, int reviewEveryWeeks) {
    public static Timescales statutory(WorkingDays days) {
        return new Timescales(days, 1, 45, 15, 6);
    }
}
