package org.joinedup.events.concern;

import java.time.LocalDate;

/**
 * How the raising agency identified the child: the NHS number where known, otherwise (or as well)
 * names and date of birth, with a postcode where given. Personal data: never logged.
 */
public record ChildIdentification(
        String nhsNumber,
        String familyName,
        String givenName,
        LocalDate dateOfBirth,
        String postcode) {
}
