package org.joinedup.events.concern;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** The practitioner's judgement of risk, lowest first; {@code immediate} is the highest level. */
public enum RiskLevel implements WireNamed {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    IMMEDIATE("immediate");

    private final String wireName;

    RiskLevel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<RiskLevel> fromWireName(String name) {
        return WireNamed.fromWireName(RiskLevel.class, name);
    }
}
