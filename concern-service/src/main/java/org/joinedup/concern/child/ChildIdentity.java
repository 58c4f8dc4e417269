package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildName;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One way a child has been identified, normalised for matching: names folded as in
 * {@link ChildMatchKeys}, the primary name first and then each alias (a part an alias leaves out is
 * taken from the primary name), the postcode upper-cased without spaces. Personal data: never logged.
 */
public record ChildIdentity(UUID childId, String nhsNumber, List<Name> names, LocalDate dateOfBirth,
                            boolean dateOfBirthEstimated, String postcode) {

    /** A normalised name; a part may be empty when it was not given. */
    public record Name(String family, String given, boolean alias) {
    }

    public ChildIdentity {
        names = List.copyOf(names);
    }

    /**
     * Given names that say the name is not known yet ("Baby Smith" for a newborn): read as no given
     * name, so they neither match nor contradict the name the child is later registered with.
     */
    static final java.util.Set<String> PLACEHOLDER_GIVEN = java.util.Set.of("baby", "babyboy", "babygirl", "boy",
            "girl", "infant", "newborn", "unborn", "unknown", "notknown", "nk", "twin", "twin1", "twin2", "twina",
            "twinb", "babyof");

    public static ChildIdentity of(UUID childId, ChildIdentification id) {
        String family = ChildMatchKeys.normaliseName(id.familyName());
        String given = given(id.givenName());
        List<Name> names = new ArrayList<>();
        if (!family.isEmpty() || !given.isEmpty()) {
            names.add(new Name(family, given, false));
        }
        for (ChildName alias : id.aliases()) {
            String f = ChildMatchKeys.normaliseName(alias.familyName());
            String g = given(alias.givenName());
            if (f.isEmpty() && g.isEmpty()) {
                continue;
            }
            Name name = new Name(f.isEmpty() ? family : f, g.isEmpty() ? given : g, true);
            if (names.stream().noneMatch(n -> n.family().equals(name.family()) && n.given().equals(name.given()))) {
                names.add(name);
            }
        }
        String postcode = id.postcode() == null ? null
                : id.postcode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return new ChildIdentity(childId, id.nhsNumber(), names, id.dateOfBirth(),
                id.dateOfBirth() != null && id.dateOfBirthEstimated(), postcode == null || postcode.isEmpty() ? null : postcode);
    }

    private static String given(String name) {
        String g = ChildMatchKeys.normaliseName(name);
        return PLACEHOLDER_GIVEN.contains(g) ? "" : g;
    }

    /** The date of birth when the agency knows it, not when it estimated it. */
    public LocalDate exactDateOfBirth() {
        return dateOfBirthEstimated ? null : dateOfBirth;
    }

    /** The name the agency recorded the child under (not an alias), if any. */
    public java.util.Optional<Name> primaryName() {
        return names.isEmpty() || names.get(0).alias() ? java.util.Optional.empty() : java.util.Optional.of(names.get(0));
    }

    /**
     * The postcode district (the outward code: {@code N17} of {@code N17 6RA}), or null when there is
     * no postcode or it is too short to be a full one.
     */
    public String postcodeDistrict() {
        return postcode == null || postcode.length() < 5 ? null : postcode.substring(0, postcode.length() - 3);
    }

    /** The same identity under another child id (for a record that was given a new id). */
    public ChildIdentity as(UUID otherChildId) {
        return new ChildIdentity(otherChildId, nhsNumber, names, dateOfBirth, dateOfBirthEstimated, postcode);
    }
}
