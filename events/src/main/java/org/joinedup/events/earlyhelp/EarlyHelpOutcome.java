package org.joinedup.events.earlyhelp;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** What an early help assessment concluded. */
public enum EarlyHelpOutcome implements WireNamed {
    NO_FURTHER_ACTION("no-further-action", false),
    /** One agency supports the family on its own. */
    SINGLE_AGENCY_SUPPORT("single-agency-support", true),
    /** A Team Around the Child is formed from the assessment. */
    TEAM_AROUND_THE_CHILD("team-around-the-child", true),
    /** "Step up": the child is referred to children's social care. */
    STEP_UP("step-up", false);

    private final String wireName;
    private final boolean needsConsent;

    EarlyHelpOutcome(String wireName, boolean needsConsent) {
        this.wireName = wireName;
        this.needsConsent = needsConsent;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Whether the outcome is support the family takes part in, which rests on their consent (a step up to
     * social care, or no further action, does not).
     */
    public boolean needsConsent() {
        return needsConsent;
    }

    public static Optional<EarlyHelpOutcome> fromWireName(String name) {
        return WireNamed.fromWireName(EarlyHelpOutcome.class, name);
    }
}
