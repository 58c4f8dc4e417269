package org.joinedup.events.directory;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** UK GDPR Article 6(1) lawful bases for processing. */
public enum LawfulBasis implements WireNamed {
    CONSENT("consent"),
    CONTRACT("contract"),
    LEGAL_OBLIGATION("legal-obligation"),
    VITAL_INTERESTS("vital-interests"),
    PUBLIC_TASK("public-task"),
    LEGITIMATE_INTERESTS("legitimate-interests");

    private final String wireName;

    LawfulBasis(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<LawfulBasis> fromWireName(String name) {
        return WireNamed.fromWireName(LawfulBasis.class, name);
    }
}
