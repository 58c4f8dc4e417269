package org.joinedup.events.concern;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * How the raising agency identified the child, as far as it knows: any of the NHS number, names, date
 * of birth (exact or estimated), a postcode, names the child is also known by, and a description of
 * the child for when little else is known ("a boy of about 8 at the address"). Personal data: never
 * logged.
 *
 * @param aliases              other names the agency knows the child by; empty when none (added in v1
 *                             without a version change: readers that do not know it ignore it)
 * @param dateOfBirthEstimated true when {@code dateOfBirth} is the agency's estimate (for example from
 *                             an age in years), not a known date; absent in older events, read as false
 * @param description          how the agency describes the child when names or a date of birth are
 *                             missing; null when not given (added in v1 like {@code aliases})
 */
public record ChildIdentification(
        String nhsNumber,
        String familyName,
        String givenName,
        LocalDate dateOfBirth,
        String postcode,
        List<ChildName> aliases,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean dateOfBirthEstimated,
        String description) {

    public ChildIdentification {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** An identification with an exact (or no) date of birth and no description. */
    public ChildIdentification(String nhsNumber, String familyName, String givenName, LocalDate dateOfBirth,
                               String postcode, List<ChildName> aliases) {
        this(nhsNumber, familyName, givenName, dateOfBirth, postcode, aliases, false, null);
    }

    /** An identification without aliases. */
    public ChildIdentification(String nhsNumber, String familyName, String givenName, LocalDate dateOfBirth,
                               String postcode) {
        this(nhsNumber, familyName, givenName, dateOfBirth, postcode, List.of());
    }
}
