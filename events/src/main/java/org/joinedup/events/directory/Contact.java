package org.joinedup.events.directory;

/** How to reach an agency: a role mailbox or a duty phone, not a named person. */
public record Contact(String mailbox, String phone) {
}
