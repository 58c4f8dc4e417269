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
public record ChildIdentity(UUID childId, String nhsNumber, List<Name> names, LocalDate dateOfBirth, String postcode) {

    /** A normalised name; a part may be empty when it was not given. */
    public record Name(String family, String given, boolean alias) {
    }

    public ChildIdentity {
        names = List.copyOf(names);
    }

    public static ChildIdentity of(UUID childId, ChildIdentification id) {
        String family = ChildMatchKeys.normaliseName(id.familyName());
        String given = ChildMatchKeys.normaliseName(id.givenName());
        List<Name> names = new ArrayList<>();
        if (!family.isEmpty() || !given.isEmpty()) {
            names.add(new Name(family, given, false));
        }
        for (ChildName alias : id.aliases()) {
            String f = ChildMatchKeys.normaliseName(alias.familyName());
            String g = ChildMatchKeys.normaliseName(alias.givenName());
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
        return new ChildIdentity(childId, id.nhsNumber(), names,
                id.dateOfBirth(), postcode == null || postcode.isEmpty() ? null : postcode);
    }

    /** The same identity under another child id (for a record that was given a new id). */
    public ChildIdentity as(UUID otherChildId) {
        return new ChildIdentity(otherChildId, nhsNumber, names, dateOfBirth, postcode);
    }
}
