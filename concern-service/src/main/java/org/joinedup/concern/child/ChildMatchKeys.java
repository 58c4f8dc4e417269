package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keys under which the child index finds the children an identification may deterministically
 * be: a valid NHS number, and the normalised family name, given name and date of birth. Normalising
 * folds case, accents, spaces, hyphens and apostrophes ({@code O'Brien-Smith} = {@code obriensmith}).
 * Sharing a key is not enough to be joined: {@link AutomaticJoin} decides, with the rest of the
 * evidence. Likely-but-uncertain matches (spelling variants, swaps) are not found through these keys.
 */
public final class ChildMatchKeys {
    private ChildMatchKeys() {
    }

    /** The keys of an identification, strongest first: the NHS number key, then the demographic key. */
    public static List<String> of(ChildIdentification child) {
        return of(ChildIdentity.of(null, child));
    }

    /** The keys of a normalised identity; none when it has neither an NHS number nor full names with an exact date of birth. */
    public static List<String> of(ChildIdentity child) {
        List<String> keys = new ArrayList<>(2);
        if (child.nhsNumber() != null) {
            keys.add("nhs:" + child.nhsNumber());
        }
        demographic(child).ifPresent(keys::add);
        return keys;
    }

    /** The names-and-date-of-birth key: the recorded name in full with an exact date of birth. */
    static java.util.Optional<String> demographic(ChildIdentity child) {
        return child.primaryName()
                .filter(n -> !n.family().isEmpty() && !n.given().isEmpty() && child.exactDateOfBirth() != null)
                .map(n -> "demographic:" + n.family() + "|" + n.given() + "|" + child.exactDateOfBirth());
    }

    static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
