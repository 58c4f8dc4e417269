package org.joinedup.events.concern;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** The categories of a safeguarding concern, with their stable wire names. */
public enum ConcernCategory implements WireNamed {
    PHYSICAL_ABUSE("physical-abuse"),
    EMOTIONAL_ABUSE("emotional-abuse"),
    SEXUAL_ABUSE("sexual-abuse"),
    NEGLECT("neglect"),
    DOMESTIC_ABUSE("domestic-abuse"),
    CHILD_SEXUAL_EXPLOITATION("child-sexual-exploitation"),
    CHILD_CRIMINAL_EXPLOITATION("child-criminal-exploitation"),
    RADICALISATION("radicalisation"),
    FEMALE_GENITAL_MUTILATION("female-genital-mutilation"),
    MISSING_FROM_HOME("missing-from-home"),
    MISSING_FROM_EDUCATION("missing-from-education"),
    SELF_HARM("self-harm"),
    OTHER("other");

    private final String wireName;

    ConcernCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<ConcernCategory> fromWireName(String name) {
        return WireNamed.fromWireName(ConcernCategory.class, name);
    }
}
