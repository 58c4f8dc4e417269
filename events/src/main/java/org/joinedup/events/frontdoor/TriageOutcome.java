package org.joinedup.events.frontdoor;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/**
 * What a front door decides a contact needs (Working Together 2023): no further action; advice; early
 * help offered (it starts nothing without the family's consent); an assessment of a child in need
 * (Children Act 1989 s17); a strategy discussion, where there is reasonable cause to suspect significant
 * harm (s47).
 */
public enum TriageOutcome implements WireNamed {
    NO_FURTHER_ACTION("no-further-action"),
    ADVICE_GIVEN("advice-given"),
    EARLY_HELP_OFFERED("early-help-offered"),
    CHILD_IN_NEED_ASSESSMENT("child-in-need-assessment"),
    STRATEGY_DISCUSSION("strategy-discussion");

    private final String wireName;

    TriageOutcome(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<TriageOutcome> fromWireName(String name) {
        return WireNamed.fromWireName(TriageOutcome.class, name);
    }
}
