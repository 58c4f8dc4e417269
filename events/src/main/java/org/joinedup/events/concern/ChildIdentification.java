package org.joinedup.events.concern;

import java.time.LocalDate;
import java.util.List;

/**
 * How the raising agency identified the child: the NHS number where known, otherwise (or as well)
 * names and date of birth, with a postcode where given, and any names the child is also known by.
 * Personal data: never logged.
 *
 * @param aliases other names the agency knows the child by; empty when none (added in v1 without a
 *                version change: readers that do not know it ignore it)
 */
public record ChildIdentification(
        String nhsNumber,
        String familyName,
        String givenName,
        LocalDate dateOfBirth,
        String postcode,
        List<ChildName> aliases) {

    public ChildIdentification {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** An identification without aliases. */
    public ChildIdentification(String nhsNumber, String familyName, String givenName, LocalDate dateOfBirth,
                               String postcode) {
        this(nhsNumber, familyName, givenName, dateOfBirth, postcode, List.of());
    }
}
