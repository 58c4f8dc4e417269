package org.joinedup.referral.care;

/** The bodies of the care endpoints, as sent: every field checked by the resource, each error naming its field. */
public final class CareRequests {
    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;

    private CareRequests() {
    }

    /** POST /child-in-need-plans. */
    public record StartPlan(String childId, String referralId, String leadSocialWorker, String summary, String startedAt) {
    }

    /** POST /child-in-need-plans/{id}/reviews. */
    public record Review(String heldAt, String summary) {
    }

    /** POST /child-in-need-plans/{id}/end. */
    public record EndPlan(String reason, String note) {
    }

    /** POST /looked-after/{id}/end: when the child stopped being looked after. */
    public record EndLookedAfter(String reason, String note, String endedAt) {
    }

    /** POST /looked-after. */
    public record StartLookedAfter(String childId, String legalStatus, String startedAt) {
    }

    /** POST /looked-after/{id}/legal-status. */
    public record LegalStatus(String legalStatus, String changedAt) {
    }

    /** POST /police-protection. */
    public record StartPoliceProtection(String childId, String takenAt, String reason, String designatedOfficer,
                                        String postcode) {
    }

    /** POST /police-protection/{id}/end. */
    public record EndPoliceProtection(String outcome, String note, String endedAt) {
    }
}
