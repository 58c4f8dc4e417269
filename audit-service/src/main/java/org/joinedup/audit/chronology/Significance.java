package org.joinedup.audit.chronology;

import java.util.Optional;
import java.util.Set;

/**
 * Which entries of a chronology a safeguarding lead must not miss, and which record the work around them.
 * Significant: what was worried about (concerns, flags, status lookups by unscheduled care), what was decided
 * (triage, referral decisions, strategy discussions, enquiries, conferences), the child's status starting or
 * ending (plans, looked after, police protection, a team formed or closed), a statutory clock missed, records
 * linked as one child, and records opened by break-glass. Everything else (members added, actions, plan
 * reviews, assessments in progress, shares and their acknowledgements) is the process, shown on request.
 * An event type not named here is process, so a new type never crowds the significant list unasked.
 */
public enum Significance {
    SIGNIFICANT("significant"),
    PROCESS("process");

    /** The event types of significant entries. */
    public static final Set<String> SIGNIFICANT_TYPES = Set.of(
            "concern-raised", "concern-amended", "concern-withdrawn",
            "bigger-picture-flag-raised", "bigger-picture-flag-cleared",
            "triage-decided", "triage-decision-overdue",
            "referral-made", "referral-decided", "referral-closed", "assessment-completed",
            "referral-decision-overdue", "assessment-overdue", "conference-overdue",
            "strategy-discussion-held", "child-protection-conference-held",
            "strategy-discussion-recorded", "section-47-enquiry-concluded", "initial-child-protection-conference-held",
            "review-conference-held", "child-protection-plan-ended", "child-protection-clock-overdue",
            "early-help-consent-recorded", "team-around-child-formed", "team-around-child-closed",
            "child-in-need-plan-started", "child-in-need-plan-ended", "child-in-need-review-overdue",
            "looked-after-started", "looked-after-legal-status-changed", "looked-after-ended",
            "emergency-protection-order-expired",
            "police-protection-started", "police-protection-ended", "police-protection-overdue",
            "child-status-looked-up", "child-records-linked", "child-records-unlinked",
            "emergency-access-granted");

    private final String wireName;

    Significance(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Significance> fromWireName(String name) {
        for (Significance s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether an entry of this event type is significant. */
    public static boolean significant(String eventType) {
        return SIGNIFICANT_TYPES.contains(eventType);
    }
}
