package org.joinedup.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type in the catalogue: its stable type name (the CloudEvents {@code type}, also the
 * type stored in each event store), the schema version producers write now, the payload record and
 * the topic it travels on. The type name never changes; a breaking change is a new schema version.
 */
public enum EventType {
    CONCERN_RAISED("concern-raised", 1, org.joinedup.events.concern.ConcernRaised.class, Topics.CONCERNS, true),
    CONCERN_AMENDED("concern-amended", 1, org.joinedup.events.concern.ConcernAmended.class, Topics.CONCERNS, true),
    CONCERN_WITHDRAWN("concern-withdrawn", 1, org.joinedup.events.concern.ConcernWithdrawn.class, Topics.CONCERNS, true),
    INFORMATION_SHARED("information-shared", 1, org.joinedup.events.concern.InformationShared.class, Topics.CONCERNS, true),
    INFORMATION_SHARE_DECLINED("information-share-declined", 1,
            org.joinedup.events.concern.InformationShareDeclined.class, Topics.CONCERNS, true),
    INFORMATION_SHARE_ACKNOWLEDGED("information-share-acknowledged", 1,
            org.joinedup.events.concern.InformationShareAcknowledged.class, Topics.CONCERNS, true),
    BIGGER_PICTURE_FLAG_RAISED("bigger-picture-flag-raised", 1,
            org.joinedup.events.concern.BiggerPictureFlagRaised.class, Topics.CONCERNS, true),
    BIGGER_PICTURE_FLAG_ACKNOWLEDGED("bigger-picture-flag-acknowledged", 1,
            org.joinedup.events.concern.BiggerPictureFlagAcknowledged.class, Topics.CONCERNS, true),
    BIGGER_PICTURE_FLAG_CLEARED("bigger-picture-flag-cleared", 1,
            org.joinedup.events.concern.BiggerPictureFlagCleared.class, Topics.CONCERNS, true),
    CHILD_REGISTERED("child-registered", 1, org.joinedup.events.concern.ChildRegistered.class, Topics.CONCERNS, true),
    CHILD_RECORDS_LINKED("child-records-linked", 1, org.joinedup.events.concern.ChildRecordsLinked.class,
            Topics.CONCERNS, true),
    CHILD_RECORDS_UNLINKED("child-records-unlinked", 1, org.joinedup.events.concern.ChildRecordsUnlinked.class,
            Topics.CONCERNS, true),
    CHILD_MATCH_DISMISSED("child-match-dismissed", 1, org.joinedup.events.concern.ChildMatchDismissed.class,
            Topics.CONCERNS, true),

    REFERRAL_MADE("referral-made", 1, org.joinedup.events.referral.ReferralMade.class, Topics.REFERRALS, true),
    REFERRAL_ACKNOWLEDGED("referral-acknowledged", 1, org.joinedup.events.referral.ReferralAcknowledged.class, Topics.REFERRALS, true),
    REFERRAL_DECIDED("referral-decided", 1, org.joinedup.events.referral.ReferralDecided.class, Topics.REFERRALS, true),
    REFERRAL_CLOSED("referral-closed", 1, org.joinedup.events.referral.ReferralClosed.class, Topics.REFERRALS, true),
    ASSESSMENT_COMPLETED("assessment-completed", 1, org.joinedup.events.referral.AssessmentCompleted.class, Topics.REFERRALS, true),
    STRATEGY_DISCUSSION_HELD("strategy-discussion-held", 1, org.joinedup.events.referral.StrategyDiscussionHeld.class, Topics.REFERRALS, true),
    CONFERENCE_HELD("child-protection-conference-held", 1, org.joinedup.events.referral.ConferenceHeld.class, Topics.REFERRALS, true),
    REFERRAL_DECISION_OVERDUE("referral-decision-overdue", 1, org.joinedup.events.referral.ReferralDecisionOverdue.class, Topics.REFERRALS, true),
    ASSESSMENT_OVERDUE("assessment-overdue", 1, org.joinedup.events.referral.AssessmentOverdue.class, Topics.REFERRALS, true),
    CONFERENCE_OVERDUE("conference-overdue", 1, org.joinedup.events.referral.ConferenceOverdue.class, Topics.REFERRALS, true),
    TEAM_AROUND_CHILD_FORMED("team-around-child-formed", 1, org.joinedup.events.team.TeamAroundChildFormed.class, Topics.REFERRALS, true),
    MEMBER_ADDED("member-added", 1, org.joinedup.events.team.MemberAdded.class, Topics.REFERRALS, true),
    MEMBER_LEFT("member-left", 1, org.joinedup.events.team.MemberLeft.class, Topics.REFERRALS, true),
    LEAD_PROFESSIONAL_ASSIGNED("lead-professional-assigned", 1, org.joinedup.events.team.LeadProfessionalAssigned.class, Topics.REFERRALS, true),
    ACTION_AGREED("action-agreed", 1, org.joinedup.events.team.ActionAgreed.class, Topics.REFERRALS, true),
    ACTION_COMPLETED("action-completed", 1, org.joinedup.events.team.ActionCompleted.class, Topics.REFERRALS, true),
    ACTION_REASSIGNED("action-reassigned", 1, org.joinedup.events.team.ActionReassigned.class, Topics.REFERRALS, true),
    ACTION_CANCELLED("action-cancelled", 1, org.joinedup.events.team.ActionCancelled.class, Topics.REFERRALS, true),
    ACTION_OVERDUE("action-overdue", 1, org.joinedup.events.team.ActionOverdue.class, Topics.REFERRALS, true),
    PLAN_REVIEWED("plan-reviewed", 1, org.joinedup.events.team.PlanReviewed.class, Topics.REFERRALS, true),
    PLAN_REVIEW_MISSED("plan-review-missed", 1, org.joinedup.events.team.PlanReviewMissed.class, Topics.REFERRALS, true),
    TEAM_ASSESSMENT_LINKED("team-assessment-linked", 1, org.joinedup.events.team.AssessmentLinked.class, Topics.REFERRALS, true),
    EARLY_HELP_ASSESSMENT_STARTED("early-help-assessment-started", 1,
            org.joinedup.events.earlyhelp.EarlyHelpAssessmentStarted.class, Topics.REFERRALS, true),
    EARLY_HELP_ASSESSMENT_RECORDED("early-help-assessment-recorded", 1,
            org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded.class, Topics.REFERRALS, true),
    EARLY_HELP_ASSESSMENT_COMPLETED("early-help-assessment-completed", 1,
            org.joinedup.events.earlyhelp.EarlyHelpAssessmentCompleted.class, Topics.REFERRALS, true),
    EARLY_HELP_ASSESSMENT_REVIEWED("early-help-assessment-reviewed", 1,
            org.joinedup.events.earlyhelp.EarlyHelpAssessmentReviewed.class, Topics.REFERRALS, true),

    CONTACT_RECEIVED("contact-received", 1, org.joinedup.events.frontdoor.ContactReceived.class, Topics.REFERRALS, true),
    TRIAGE_DECIDED("triage-decided", 1, org.joinedup.events.frontdoor.TriageDecided.class, Topics.REFERRALS, true),
    TRIAGE_DECISION_OVERDUE("triage-decision-overdue", 1, org.joinedup.events.frontdoor.TriageDecisionOverdue.class,
            Topics.REFERRALS, true),
    STRATEGY_DISCUSSION_RECORDED("strategy-discussion-recorded", 1,
            org.joinedup.events.protection.StrategyDiscussionRecorded.class, Topics.REFERRALS, true),
    SECTION_47_ENQUIRY_CONCLUDED("section-47-enquiry-concluded", 1, org.joinedup.events.protection.EnquiryConcluded.class,
            Topics.REFERRALS, true),
    INITIAL_CONFERENCE_HELD("initial-child-protection-conference-held", 1,
            org.joinedup.events.protection.InitialConferenceHeld.class, Topics.REFERRALS, true),
    CORE_GROUP_MET("core-group-met", 1, org.joinedup.events.protection.CoreGroupMet.class, Topics.REFERRALS, true),
    REVIEW_CONFERENCE_HELD("review-conference-held", 1, org.joinedup.events.protection.ReviewConferenceHeld.class,
            Topics.REFERRALS, true),
    CHILD_PROTECTION_PLAN_ENDED("child-protection-plan-ended", 1, org.joinedup.events.protection.ChildProtectionPlanEnded.class,
            Topics.REFERRALS, true),
    CHILD_PROTECTION_CLOCK_OVERDUE("child-protection-clock-overdue", 1,
            org.joinedup.events.protection.ChildProtectionClockOverdue.class, Topics.REFERRALS, true),
    CHILD_STATUS_LOOKED_UP("child-status-looked-up", 1, org.joinedup.events.status.ChildStatusLookedUp.class,
            Topics.REFERRALS, true),

    EARLY_HELP_CONSENT_RECORDED("early-help-consent-recorded", 1, org.joinedup.events.referral.EarlyHelpConsentRecorded.class,
            Topics.REFERRALS, true),
    TEAM_AROUND_CHILD_CLOSED("team-around-child-closed", 1, org.joinedup.events.team.TeamAroundChildClosed.class,
            Topics.REFERRALS, true),
    CHILD_IN_NEED_PLAN_STARTED("child-in-need-plan-started", 1, org.joinedup.events.care.ChildInNeedPlanStarted.class,
            Topics.REFERRALS, true),
    CHILD_IN_NEED_PLAN_REVIEWED("child-in-need-plan-reviewed", 1, org.joinedup.events.care.ChildInNeedPlanReviewed.class,
            Topics.REFERRALS, true),
    CHILD_IN_NEED_PLAN_ENDED("child-in-need-plan-ended", 1, org.joinedup.events.care.ChildInNeedPlanEnded.class,
            Topics.REFERRALS, true),
    CHILD_IN_NEED_REVIEW_OVERDUE("child-in-need-review-overdue", 1, org.joinedup.events.care.ChildInNeedReviewOverdue.class,
            Topics.REFERRALS, true),
    LOOKED_AFTER_STARTED("looked-after-started", 1, org.joinedup.events.care.LookedAfterStarted.class, Topics.REFERRALS, true),
    LOOKED_AFTER_LEGAL_STATUS_CHANGED("looked-after-legal-status-changed", 1,
            org.joinedup.events.care.LookedAfterLegalStatusChanged.class, Topics.REFERRALS, true),
    LOOKED_AFTER_ENDED("looked-after-ended", 1, org.joinedup.events.care.LookedAfterEnded.class, Topics.REFERRALS, true),
    EMERGENCY_PROTECTION_ORDER_EXPIRED("emergency-protection-order-expired", 1,
            org.joinedup.events.care.EmergencyProtectionOrderExpired.class, Topics.REFERRALS, true),
    POLICE_PROTECTION_STARTED("police-protection-started", 1, org.joinedup.events.care.PoliceProtectionStarted.class,
            Topics.REFERRALS, true),
    POLICE_PROTECTION_ENDED("police-protection-ended", 1, org.joinedup.events.care.PoliceProtectionEnded.class,
            Topics.REFERRALS, true),
    POLICE_PROTECTION_OVERDUE("police-protection-overdue", 1, org.joinedup.events.care.PoliceProtectionOverdue.class,
            Topics.REFERRALS, true),

    EMERGENCY_ACCESS_GRANTED("emergency-access-granted", 1, org.joinedup.events.access.EmergencyAccessGranted.class,
            Topics.CONCERNS, true),
    EMERGENCY_ACCESS_ACKNOWLEDGED("emergency-access-acknowledged", 1,
            org.joinedup.events.access.EmergencyAccessAcknowledged.class, Topics.CONCERNS, true),

    RECORD_ACCESSED("record-accessed", 1, org.joinedup.events.access.RecordAccessed.class, Topics.ACCESS, true),
    RECORD_ACCESS_REFUSED("record-access-refused", 1, org.joinedup.events.access.RecordAccessRefused.class,
            Topics.ACCESS, true),

    AGENCY_REGISTERED("agency-registered", 1, org.joinedup.events.directory.AgencyRegistered.class, Topics.DIRECTORY, false),
    AGENCY_UPDATED("agency-updated", 1, org.joinedup.events.directory.AgencyUpdated.class, Topics.DIRECTORY, false),
    AGENCY_DEACTIVATED("agency-deactivated", 1, org.joinedup.events.directory.AgencyDeactivated.class, Topics.DIRECTORY, false),
    SHARING_AGREEMENT_PROPOSED("sharing-agreement-proposed", 1,
            org.joinedup.events.directory.SharingAgreementProposed.class, Topics.DIRECTORY, false),
    SHARING_AGREEMENT_SIGNED("sharing-agreement-signed", 1,
            org.joinedup.events.directory.SharingAgreementSigned.class, Topics.DIRECTORY, false),
    SHARING_AGREEMENT_ACTIVATED("sharing-agreement-activated", 1,
            org.joinedup.events.directory.SharingAgreementActivated.class, Topics.DIRECTORY, false),
    SHARING_AGREEMENT_REVOKED("sharing-agreement-revoked", 1,
            org.joinedup.events.directory.SharingAgreementRevoked.class, Topics.DIRECTORY, false),
    SHARING_AGREEMENT_EXPIRED("sharing-agreement-expired", 1,
            org.joinedup.events.directory.SharingAgreementExpired.class, Topics.DIRECTORY, false),

    WEBHOOK_SUBSCRIPTION_PAUSED("webhook-subscription-paused", 1,
            org.joinedup.events.notification.WebhookSubscriptionPaused.class, Topics.NOTIFICATIONS, false);

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends EventPayload> payloadClass;
    private final String topic;
    private final boolean aboutAChild;

    EventType(String typeName, int schemaVersion, Class<? extends EventPayload> payloadClass, String topic,
              boolean aboutAChild) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.payloadClass = payloadClass;
        this.topic = topic;
        this.aboutAChild = aboutAChild;
    }

    /** True when the subject is a child id, so the event belongs in that child's chronology. */
    public boolean aboutAChild() {
        return aboutAChild;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> byTypeName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadClass.equals(payload.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no event type registered for " + payload.getClass().getName()));
    }
}
