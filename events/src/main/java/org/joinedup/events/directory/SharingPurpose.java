package org.joinedup.events.directory;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** Why information may pass under an agreement. */
public enum SharingPurpose implements WireNamed {
    SAFEGUARDING("safeguarding"),
    CHILD_PROTECTION_ENQUIRY("child-protection-enquiry"),
    EARLY_HELP("early-help"),
    TEAM_AROUND_THE_CHILD("team-around-the-child"),
    CRIME_PREVENTION("crime-prevention"),
    HEALTH_CARE("health-care"),
    EDUCATION_WELFARE("education-welfare"),
    HOUSING_SUPPORT("housing-support");

    private final String wireName;

    SharingPurpose(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<SharingPurpose> fromWireName(String name) {
        return WireNamed.fromWireName(SharingPurpose.class, name);
    }
}
