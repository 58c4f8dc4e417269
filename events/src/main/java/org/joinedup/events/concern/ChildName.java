package org.joinedup.events.concern;

/**
 * A name a child is also known as (an alias): either part may be missing. Personal data: never logged.
 */
public record ChildName(String familyName, String givenName) {
}
