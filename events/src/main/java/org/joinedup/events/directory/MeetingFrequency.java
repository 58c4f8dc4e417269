package org.joinedup.events.directory;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** How often the partners agreed to meet. */
public enum MeetingFrequency implements WireNamed {
    WEEKLY("weekly"),
    FORTNIGHTLY("fortnightly"),
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    SIX_MONTHLY("six-monthly"),
    ANNUALLY("annually");

    private final String wireName;

    MeetingFrequency(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<MeetingFrequency> fromWireName(String name) {
        return WireNamed.fromWireName(MeetingFrequency.class, name);
    }
}
