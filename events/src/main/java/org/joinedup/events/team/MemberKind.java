package org.joinedup.events.team;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** Who a team member is: a practitioner of an agency, or a parent or carer of the child. */
public enum MemberKind implements WireNamed {
    PRACTITIONER("practitioner"),
    PARENT_CARER("parent-carer");

    private final String wireName;

    MemberKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<MemberKind> fromWireName(String name) {
        return WireNamed.fromWireName(MemberKind.class, name);
    }
}
