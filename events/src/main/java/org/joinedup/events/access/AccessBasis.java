package org.joinedup.events.access;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/**
 * Why a reader could see a child's record (the {@code basis} of {@code record-accessed}), from the
 * need-to-know policy: docs/access.md.
 */
public enum AccessBasis implements WireNamed {
    /** The reader's agency's own work list (inbox, its referrals, its actions): nothing beyond what it holds or was sent. */
    OWN_AGENCY("own-agency"),
    /** The reader's agency has a relationship with the child: its own records and what was sent to it in full, the rest as headlines. */
    RELATIONSHIP("relationship"),
    /** The reader's agency is the child's local authority front door: the whole picture. */
    FRONT_DOOR("front-door"),
    /** The reader opened the whole picture by break-glass, with a written justification, for a bounded time. */
    EMERGENCY_ACCESS("emergency-access"),
    /** An inspector: everything, read-only, and seen seeing it. */
    INSPECTOR("inspector");

    private final String wireName;

    AccessBasis(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<AccessBasis> fromWireName(String name) {
        return WireNamed.fromWireName(AccessBasis.class, name);
    }
}
