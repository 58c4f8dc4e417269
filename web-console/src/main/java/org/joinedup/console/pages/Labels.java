package org.joinedup.console.pages;

import java.util.Locale;
import java.util.Map;

/** Words for the platform's names: an event type, a category, a wellbeing indicator, as a person reads them. */
public final class Labels {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("concern-raised", "Concern raised"), Map.entry("concern-amended", "Concern amended"),
            Map.entry("concern-withdrawn", "Concern withdrawn"), Map.entry("information-shared", "Information shared"),
            Map.entry("information-share-acknowledged", "Share acknowledged"),
            Map.entry("information-share-declined", "Decided not to share"),
            Map.entry("bigger-picture-flag-raised", "Bigger-picture flag raised"),
            Map.entry("bigger-picture-flag-acknowledged", "Flag acknowledged"),
            Map.entry("bigger-picture-flag-cleared", "Flag cleared"),
            Map.entry("child-registered", "Child first recorded"), Map.entry("child-records-linked", "Records linked"),
            Map.entry("child-records-unlinked", "Records unlinked"), Map.entry("child-match-dismissed", "Match dismissed"),
            Map.entry("referral-made", "Referral made"), Map.entry("referral-acknowledged", "Referral acknowledged"),
            Map.entry("referral-decided", "Referral decided"), Map.entry("referral-closed", "Referral closed"),
            Map.entry("assessment-completed", "Assessment completed"),
            Map.entry("strategy-discussion-held", "Strategy discussion held"),
            Map.entry("child-protection-conference-held", "Child protection conference held"),
            Map.entry("referral-decision-overdue", "Referral decision overdue"),
            Map.entry("assessment-overdue", "Assessment overdue"), Map.entry("conference-overdue", "Conference overdue"),
            Map.entry("team-around-child-formed", "Team Around the Child formed"), Map.entry("member-added", "Team member added"),
            Map.entry("member-left", "Team member left"), Map.entry("lead-professional-assigned", "Lead professional assigned"),
            Map.entry("action-agreed", "Action agreed"), Map.entry("action-completed", "Action completed"),
            Map.entry("action-reassigned", "Action reassigned"), Map.entry("action-cancelled", "Action cancelled"),
            Map.entry("action-overdue", "Action overdue"), Map.entry("plan-reviewed", "Plan reviewed"),
            Map.entry("plan-review-missed", "Plan review missed"),
            Map.entry("team-assessment-linked", "Team linked to its early help assessment"),
            Map.entry("early-help-assessment-started", "Early help assessment started"),
            Map.entry("early-help-assessment-recorded", "Early help assessment recorded"),
            Map.entry("early-help-assessment-completed", "Early help assessment completed"),
            Map.entry("early-help-assessment-reviewed", "Early help assessment reviewed"),
            Map.entry("emergency-access-granted", "Emergency access (break-glass)"),
            Map.entry("emergency-access-acknowledged", "Emergency access acknowledged"),
            Map.entry("contact-received", "Contact received at the front door"),
            Map.entry("triage-decided", "Front door decided"),
            Map.entry("triage-decision-overdue", "Front door decision overdue"),
            Map.entry("strategy-discussion-recorded", "Strategy discussion"),
            Map.entry("section-47-enquiry-concluded", "Section 47 enquiry concluded"),
            Map.entry("initial-child-protection-conference-held", "Initial child protection conference"),
            Map.entry("core-group-met", "Core group met"), Map.entry("review-conference-held", "Review conference"),
            Map.entry("child-protection-plan-ended", "Child protection plan ended"),
            Map.entry("child-protection-clock-overdue", "Child protection timescale missed"),
            Map.entry("child-status-looked-up", "Status looked up (unscheduled care)"),
            Map.entry("early-help-consent-recorded", "Family's answer to early help"),
            Map.entry("team-around-child-closed", "Team Around the Child closed"),
            Map.entry("child-in-need-plan-started", "Child in need plan started"),
            Map.entry("child-in-need-plan-reviewed", "Child in need plan reviewed"),
            Map.entry("child-in-need-plan-ended", "Child in need plan ended"),
            Map.entry("child-in-need-review-overdue", "Child in need review missed"),
            Map.entry("looked-after-started", "Became looked after"),
            Map.entry("looked-after-legal-status-changed", "Looked-after legal status changed"),
            Map.entry("looked-after-ended", "Stopped being looked after"),
            Map.entry("emergency-protection-order-expired", "Emergency protection order expired"),
            Map.entry("police-protection-started", "Police protection (section 46)"),
            Map.entry("police-protection-ended", "Police protection ended"),
            Map.entry("police-protection-overdue", "Police protection past 72 hours"));

    private Labels() {
    }

    private static final Map<String, String> STATUSES = Map.of(
            "police-protection", "In police protection", "child-protection-plan", "Child protection plan",
            "looked-after", "Looked after", "child-in-need", "Child in need plan", "early-help", "Early help",
            "none", "No status recorded");

    /** A child's status as words: "Child protection plan". */
    public static String status(String status) {
        return status == null ? "" : STATUSES.getOrDefault(status, words(status));
    }

    /** An event type as words: "Concern raised". */
    public static String type(String type) {
        return type == null ? "" : TYPES.getOrDefault(type, words(type));
    }

    /** A service's message as a sentence: its first letter capitalised, nothing else changed. */
    public static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        return message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }

    /** A wire name as words: "missing-from-education" reads "Missing from education". */
    public static String words(String wireName) {
        if (wireName == null || wireName.isEmpty()) {
            return "";
        }
        String s = wireName.replace('-', ' ');
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
