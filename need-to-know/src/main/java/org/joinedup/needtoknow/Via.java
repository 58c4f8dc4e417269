package org.joinedup.needtoknow;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/** What an agency's relationship with a child record came from (the event that began it). */
public enum Via implements WireNamed {
    /** It raised a concern about the child: the record is the concern. */
    RAISED("raised"),
    /** It recorded a decision about the child (a decision not to share): the record is the decision. */
    RECORDED("recorded"),
    /** Information about the child was shared with it: the record is the share; it carried concern ids. */
    SHARED_TO("shared-to"),
    /** It shared information about the child: the record is the share. */
    SHARED_FROM("shared-from"),
    /** The child was referred to it: the record is the referral; it cited concern ids. */
    REFERRED_TO("referred-to"),
    /** It referred the child: the record is the referral. */
    REFERRED_FROM("referred-from"),
    /** One of its practitioners is a member of the child's Team Around the Child: the record is the team. */
    TEAM_MEMBER("team-member"),
    /** One of its leads opened the whole picture by break-glass: the record is the grant; it is that lead's alone. */
    EMERGENCY_ACCESS("emergency-access");

    private final String wireName;

    Via(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<Via> fromWireName(String name) {
        return WireNamed.fromWireName(Via.class, name);
    }
}
