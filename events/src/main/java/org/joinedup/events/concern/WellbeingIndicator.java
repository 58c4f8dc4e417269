package org.joinedup.events.concern;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** GIRFEC's SHANARRI wellbeing indicators, with their stable wire names. */
public enum WellbeingIndicator implements WireNamed {
    SAFE("safe"),
    HEALTHY("healthy"),
    ACHIEVING("achieving"),
    NURTURED("nurtured"),
    ACTIVE("active"),
    RESPECTED("respected"),
    RESPONSIBLE("responsible"),
    INCLUDED("included");

    private final String wireName;

    WellbeingIndicator(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<WellbeingIndicator> fromWireName(String name) {
        return WireNamed.fromWireName(WellbeingIndicator.class, name);
    }
}
