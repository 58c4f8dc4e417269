package org.joinedup.events.earlyhelp;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/**
 * The three domains of an early help assessment (the Common Assessment Framework's triangle; GIRFEC's
 * "My World"): what the child needs, what the parents and carers can give, and the family and its
 * surroundings.
 */
public enum AssessmentDomain implements WireNamed {
    CHILD_DEVELOPMENT("child-development", "The child's development"),
    PARENTING_CAPACITY("parenting-capacity", "Parents' and carers' capacity"),
    FAMILY_AND_ENVIRONMENT("family-and-environment", "Family and environment");

    private final String wireName;
    private final String words;

    AssessmentDomain(String wireName, String words) {
        this.wireName = wireName;
        this.words = words;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The domain as people say it. */
    public String words() {
        return words;
    }

    public static Optional<AssessmentDomain> fromWireName(String name) {
        return WireNamed.fromWireName(AssessmentDomain.class, name);
    }
}
