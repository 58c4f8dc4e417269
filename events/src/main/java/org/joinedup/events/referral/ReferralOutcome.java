package org.joinedup.events.referral;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** What the receiving agency decided to do about a referral. */
public enum ReferralOutcome implements WireNamed {
    NO_FURTHER_ACTION("no-further-action", false, false),
    /** Early help is offered: a Team Around the Child forms when the family consents (early-help-consent-recorded). */
    EARLY_HELP("early-help", false, false),
    /**
     * An ordinary request for help, met within the receiving agency's own service (a school's pastoral
     * support, a housing provider's repair or move): nothing statutory follows.
     */
    SUPPORT_OFFERED("support-offered", false, false),
    /** Children Act 1989 section 17: an assessment of a child in need. */
    CHILD_IN_NEED_ASSESSMENT("child-in-need-assessment", true, false),
    /** Children Act 1989 section 47: a strategy discussion and enquiry. */
    STRATEGY_DISCUSSION_AND_ENQUIRY("section-47-enquiry", true, true),
    /** Immediate protection (police protection, an emergency protection order), then a strategy discussion. */
    IMMEDIATE_PROTECTION("immediate-protection", true, true);

    private final String wireName;
    private final boolean needsAssessment;
    private final boolean needsStrategyDiscussion;

    ReferralOutcome(String wireName, boolean needsAssessment, boolean needsStrategyDiscussion) {
        this.wireName = wireName;
        this.needsAssessment = needsAssessment;
        this.needsStrategyDiscussion = needsStrategyDiscussion;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Whether an assessment follows, due 45 working days from the referral. */
    public boolean needsAssessment() {
        return needsAssessment;
    }

    /** Whether a strategy discussion follows, which starts the 15-working-day conference clock. */
    public boolean needsStrategyDiscussion() {
        return needsStrategyDiscussion;
    }

    public static Optional<ReferralOutcome> fromWireName(String name) {
        return WireNamed.fromWireName(ReferralOutcome.class, name);
    }
}
