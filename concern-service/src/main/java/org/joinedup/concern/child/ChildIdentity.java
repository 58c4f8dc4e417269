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

    /**
     * A normalised name; a part may be empty when it was not given. {@code familyParts} and
     * {@code givenParts} are the whole normalised name and, for a name of several parts (Garcia Lopez,
     * Smith-Jones, Mary Jane, Abdul Rahman), each part as well: what blocking and matching compare.
     */
    public record Name(String family, String given, boolean alias, List<String> familyParts, List<String> givenParts) {
        public Name {
            familyParts = List.copyOf(familyParts);
            givenParts = List.copyOf(givenParts);
        }

        /** A name of one part each. */
        public Name(String family, String given, boolean alias) {
            this(family, given, alias, family.isEmpty() ? List.of() : List.of(family), given.isEmpty() ? List.of() : List.of(given));
        }
    }

    /** The whole normalised name, then each part when there are several. */
    static List<String> parts(String raw, boolean given) {
        String whole = given ? given(raw) : ChildMatchKeys.normaliseName(raw);
        if (whole.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<String> parts = new java.util.LinkedHashSet<>();
        parts.add(whole);
        for (String piece : raw.split("[\\s\\-\\u2010\\u2011\\u2012\\u2013\\u2014_/.,]+")) {
            String part = given ? given(piece) : ChildMatchKeys.normaliseName(piece);
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return List.copyOf(parts);
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
        List<String> familyParts = parts(id.familyName(), false);
        List<String> givenParts = parts(id.givenName(), true);
        if (!family.isEmpty() || !given.isEmpty()) {
            names.add(new Name(family, given, false, familyParts, givenParts));
        }
        for (ChildName alias : id.aliases()) {
            String f = ChildMatchKeys.normaliseName(alias.familyName());
            String g = given(alias.givenName());
            if (f.isEmpty() && g.isEmpty()) {
                continue;
            }
            Name name = new Name(f.isEmpty() ? family : f, g.isEmpty() ? given : g, true,
                    f.isEmpty() ? familyParts : parts(alias.familyName(), false),
                    g.isEmpty() ? givenParts : parts(alias.givenName(), true));
            if (names.stream().noneMatch(n -> n.family().equals(name.family()) && n.given().equals(name.given()))) {
                names.add(name);
            }
        }
        String postcode = id.postcode() == null ? null
                : id.postcode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return new ChildIdentity(childId, id.nhsNumber(), names, id.dateOfBirth(),
                id.dateOfBirth() != null && id.dateOfBirthEstimated(), postcode == null || postcode.isEmpty() ? null : postcode);
    }

    static String given(String name) {
        String g = ChildMatchKeys.normaliseName(name);
        return PLACEHOLDER_GIVEN.contains(g) ? "" : g;
    }

    /** The estimated date of birth of a child of {@code age} years today: the middle of the year it implies. */
    public static LocalDate birthForAge(int age, LocalDate today) {
        return today.minusYears(age).minusMonths(6);
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
