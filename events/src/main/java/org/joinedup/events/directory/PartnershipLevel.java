package org.joinedup.events.directory;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** How formal a partnership is, least first: networking (sharing practice), coordination (aligned response to an agreed goal), cooperation (organisational commitment, shared resources), collaboration (formal, ongoing, joint commitment). */
public enum PartnershipLevel implements WireNamed {
    NETWORKING("networking"),
    COORDINATION("coordination"),
    COOPERATION("cooperation"),
    COLLABORATION("collaboration");

    private final String wireName;

    PartnershipLevel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<PartnershipLevel> fromWireName(String name) {
        return WireNamed.fromWireName(PartnershipLevel.class, name);
    }
}
