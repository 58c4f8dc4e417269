package org.joinedup.needtoknow;

/** An agency's safeguarding contact from the directory: a role mailbox or a duty phone, never a named person. */
public record WhomToCall(String agencyId, String name, String mailbox, String phone) {
}
