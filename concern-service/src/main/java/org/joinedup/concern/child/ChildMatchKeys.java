package org.joinedup.concern.child;

import org.joinedup.events.concern.ChildIdentification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic matching rule of the child index: two identifications are the same child when
 * they share a valid NHS number, or the same normalised family name, given name and date of birth.
 * Normalising folds case, accents, spaces, hyphens and apostrophes ({@code O'Brien-Smith} =
 * {@code obriensmith}). Likely-but-uncertain matches (spelling variants, swaps) are not decided here.
 */
public final class ChildMatchKeys {
    private ChildMatchKeys() {
    }

    /** The keys of an identification, strongest first: the NHS number key, then the demographic key. */
    public static List<String> of(ChildIdentification child) {
        List<String> keys = new ArrayList<>(2);
        if (child.nhsNumber() != null) {
            keys.add("nhs:" + child.nhsNumber());
        }
        String family = normaliseName(child.familyName());
        String given = normaliseName(child.givenName());
        if (!family.isEmpty() && !given.isEmpty() && child.dateOfBirth() != null) {
            keys.add("demographic:" + family + "|" + given + "|" + child.dateOfBirth());
        }
        return keys;
    }

    static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
