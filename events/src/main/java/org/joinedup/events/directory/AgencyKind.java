package org.joinedup.events.directory;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** The kinds of agency in the directory, with their stable wire names. */
public enum AgencyKind implements WireNamed {
    POLICE("police"),
    HEALTH("health"),
    GENERAL_PRACTICE("general-practice"),
    CHILDRENS_SOCIAL_CARE("childrens-social-care"),
    EDUCATION("education"),
    HOUSING("housing"),
    PROBATION("probation"),
    VOLUNTARY_SECTOR("voluntary-sector"),
    OTHER("other");

    private final String wireName;

    AgencyKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<AgencyKind> fromWireName(String name) {
        return WireNamed.fromWireName(AgencyKind.class, name);
    }
}
