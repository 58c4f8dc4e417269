package org.joinedup.notification.notify;

import java.util.Arrays;
import java.util.Optional;

/** What an agency can be told, by the name a subscription asks for it. */
public enum NotificationKind {
    SHARE_RECEIVED("share-received"),
    SHARE_DECLINED("share-declined"),
    SHARE_ACKNOWLEDGED("share-acknowledged"),
    REFERRAL_RECEIVED("referral-received"),
    REFERRAL_DECIDED("referral-decided"),
    REFERRAL_OVERDUE("referral-overdue"),
    EMERGENCY_ACCESS("emergency-access"),
    BIGGER_PICTURE_FLAG("bigger-picture-flag"),
    ACTION_ASSIGNED("action-assigned"),
    ACTION_DUE_SOON("action-due-soon"),
    ACTION_OVERDUE("action-overdue"),
    REVIEW_MISSED("review-missed"),
    CHILD_RECORDS_LINK("child-records-link"),
    /** A contact at high or immediate risk reached the front door: it is told at once. */
    URGENT_CONTACT("urgent-contact"),
    /** The front door decided on contacts an agency raised: that agency is told the outcome. */
    TRIAGE_DECIDED("triage-decided"),
    /** A triage item was not decided within one working day: the front door's leads are told. */
    TRIAGE_OVERDUE("triage-overdue"),
    /** An unscheduled-care agency looked up a child's status: the front door and the plan's local authority are told. */
    STATUS_LOOKUP("status-lookup"),
    /** A police force took a child into police protection (s46), or ended it: the child's front door is told at once. */
    POLICE_PROTECTION("police-protection"),
    /**
     * A statutory clock of the pathway ran out: a child protection conference, core group or review not held in
     * time, a child in need plan's review missed, an emergency protection order expired, police protection past
     * 72 hours. The agency whose clock it is is told.
     */
    PATHWAY_OVERDUE("pathway-overdue");

    private final String wireName;

    NotificationKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NotificationKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
