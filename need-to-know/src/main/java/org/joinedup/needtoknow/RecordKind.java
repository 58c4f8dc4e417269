package org.joinedup.needtoknow;

import java.util.Map;
import java.util.Optional;

/**
 * The kinds of record about a child, each with the payload field that names the record, and the
 * event types that belong to it: what a headline calls "what kind of record".
 */
public enum RecordKind {
    CONCERN("concern", "concernId"),
    SHARE("share", "shareId"),
    SHARING_DECISION("sharing-decision", "declineId"),
    FLAG("flag", "flagId"),
    CHILD_RECORD("child-record", "childId"),
    CHILD_LINK("child-link", "linkId"),
    MATCH_DECISION("match-decision", "candidateId"),
    REFERRAL("referral", "referralId"),
    TEAM("team", "teamId"),
    EARLY_HELP_ASSESSMENT("early-help-assessment", "assessmentId"),
    /** An item of the child's front door's triage queue: the contacts it received and its decision. */
    TRIAGE("triage", "triageId"),
    /** A child protection episode: strategy discussion, enquiry, conference, plan. */
    CHILD_PROTECTION("child-protection", "episodeId"),
    /** A child in need plan (s17): started, reviewed, ended. */
    CHILD_IN_NEED_PLAN("child-in-need-plan", "planId"),
    /** An episode of the child being looked after by a local authority, under its legal statuses. */
    LOOKED_AFTER("looked-after", "episodeId"),
    /** A use of police protection powers (s46, at most 72 hours). */
    POLICE_PROTECTION("police-protection", "protectionId"),
    /** An unscheduled-care agency asked whether anyone is worried about the child. */
    STATUS_LOOKUP("status-lookup", "lookupId"),
    EMERGENCY_ACCESS("emergency-access", "grantId"),
    ACCESS("access", "accessId");

    private static final Map<String, RecordKind> BY_TYPE = Map.ofEntries(
            Map.entry("concern-raised", CONCERN), Map.entry("concern-amended", CONCERN),
            Map.entry("concern-withdrawn", CONCERN),
            Map.entry("information-shared", SHARE), Map.entry("information-share-acknowledged", SHARE),
            Map.entry("information-share-declined", SHARING_DECISION),
            Map.entry("bigger-picture-flag-raised", FLAG), Map.entry("bigger-picture-flag-acknowledged", FLAG),
            Map.entry("bigger-picture-flag-cleared", FLAG),
            Map.entry("child-registered", CHILD_RECORD),
            Map.entry("child-records-linked", CHILD_LINK), Map.entry("child-records-unlinked", CHILD_LINK),
            Map.entry("child-match-dismissed", MATCH_DECISION),
            Map.entry("referral-made", REFERRAL), Map.entry("referral-acknowledged", REFERRAL),
            Map.entry("referral-decided", REFERRAL), Map.entry("referral-closed", REFERRAL),
            Map.entry("assessment-completed", REFERRAL), Map.entry("strategy-discussion-held", REFERRAL),
            Map.entry("child-protection-conference-held", REFERRAL), Map.entry("referral-decision-overdue", REFERRAL),
            Map.entry("assessment-overdue", REFERRAL), Map.entry("conference-overdue", REFERRAL),
            Map.entry("team-around-child-formed", TEAM), Map.entry("member-added", TEAM), Map.entry("member-left", TEAM),
            Map.entry("lead-professional-assigned", TEAM), Map.entry("action-agreed", TEAM),
            Map.entry("action-completed", TEAM), Map.entry("action-reassigned", TEAM),
            Map.entry("action-cancelled", TEAM), Map.entry("action-overdue", TEAM), Map.entry("plan-reviewed", TEAM),
            Map.entry("plan-review-missed", TEAM), Map.entry("team-assessment-linked", TEAM),
            Map.entry("early-help-assessment-started", EARLY_HELP_ASSESSMENT),
            Map.entry("early-help-assessment-recorded", EARLY_HELP_ASSESSMENT),
            Map.entry("early-help-assessment-completed", EARLY_HELP_ASSESSMENT),
            Map.entry("early-help-assessment-reviewed", EARLY_HELP_ASSESSMENT),
            Map.entry("contact-received", TRIAGE), Map.entry("triage-decided", TRIAGE),
            Map.entry("triage-decision-overdue", TRIAGE),
            Map.entry("strategy-discussion-recorded", CHILD_PROTECTION), Map.entry("section-47-enquiry-concluded", CHILD_PROTECTION),
            Map.entry("initial-child-protection-conference-held", CHILD_PROTECTION), Map.entry("core-group-met", CHILD_PROTECTION),
            Map.entry("review-conference-held", CHILD_PROTECTION), Map.entry("child-protection-plan-ended", CHILD_PROTECTION),
            Map.entry("child-protection-clock-overdue", CHILD_PROTECTION),
            Map.entry("child-status-looked-up", STATUS_LOOKUP),
            Map.entry("early-help-consent-recorded", REFERRAL), Map.entry("team-around-child-closed", TEAM),
            Map.entry("child-in-need-plan-started", CHILD_IN_NEED_PLAN), Map.entry("child-in-need-plan-reviewed", CHILD_IN_NEED_PLAN),
            Map.entry("child-in-need-plan-ended", CHILD_IN_NEED_PLAN), Map.entry("child-in-need-review-overdue", CHILD_IN_NEED_PLAN),
            Map.entry("looked-after-started", LOOKED_AFTER), Map.entry("looked-after-legal-status-changed", LOOKED_AFTER),
            Map.entry("looked-after-ended", LOOKED_AFTER), Map.entry("emergency-protection-order-expired", LOOKED_AFTER),
            Map.entry("police-protection-started", POLICE_PROTECTION), Map.entry("police-protection-ended", POLICE_PROTECTION),
            Map.entry("police-protection-overdue", POLICE_PROTECTION),
            Map.entry("emergency-access-granted", EMERGENCY_ACCESS),
            Map.entry("emergency-access-acknowledged", EMERGENCY_ACCESS),
            Map.entry("record-accessed", ACCESS), Map.entry("record-access-refused", ACCESS));

    private final String wireName;
    private final String idField;

    RecordKind(String wireName, String idField) {
        this.wireName = wireName;
        this.idField = idField;
    }

    public String wireName() {
        return wireName;
    }

    /** The payload field that holds the record's id. */
    public String idField() {
        return idField;
    }

    /** The event types of records of this kind. */
    public java.util.Set<String> eventTypes() {
        java.util.Set<String> types = new java.util.TreeSet<>();
        BY_TYPE.forEach((type, kind) -> {
            if (kind == this) {
                types.add(type);
            }
        });
        return types;
    }

    /** The kind with this wire name, if any. */
    public static Optional<RecordKind> fromWireName(String name) {
        return java.util.Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** The kind of record an event type is about; empty for a type this service does not know. */
    public static Optional<RecordKind> ofEventType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
