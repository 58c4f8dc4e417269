package org.joinedup.events.referral;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** How soon the referrer believes the receiving agency must act. */
public enum ReferralUrgency implements WireNamed {
    ROUTINE("routine"),
    URGENT("urgent"),
    /** The child may be in immediate danger. */
    IMMEDIATE("immediate");

    private final String wireName;

    ReferralUrgency(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<ReferralUrgency> fromWireName(String name) {
        return WireNamed.fromWireName(ReferralUrgency.class, name);
    }
}
