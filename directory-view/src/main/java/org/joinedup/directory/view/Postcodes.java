package org.joinedup.directory.view;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a UK postcode is, as coarsely as the front-door rule needs: its district (the outward code,
 * {@code N17}) and sector (the district and the inward code's digit, {@code N17 0}). A full postcode is
 * never kept where a district or sector will do.
 */
public final class Postcodes {
    private static final String OUTWARD = "[A-Z]{1,2}[0-9][A-Z0-9]?";
    private static final Pattern FULL = Pattern.compile("(" + OUTWARD + ") ?([0-9])[A-Z]{2}");
    private static final Pattern PARTIAL = Pattern.compile("(" + OUTWARD + ")(?: ([0-9]))?");

    private Postcodes() {
    }

    /** A place: the district, and the sector when the postcode says it (null otherwise). */
    public record Place(String district, String sector) {
    }

    /**
     * The district and sector of a postcode as an agency typed it (any case and spacing), or of a
     * district or sector alone; empty when it is not one.
     */
    public static Optional<Place> place(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        String p = postcode.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher full = FULL.matcher(p);
        if (full.matches()) {
            return Optional.of(new Place(full.group(1), full.group(1) + " " + full.group(2)));
        }
        Matcher partial = PARTIAL.matcher(p);
        if (partial.matches()) {
            return Optional.of(new Place(partial.group(1), partial.group(2) == null ? null
                    : partial.group(1) + " " + partial.group(2)));
        }
        return Optional.empty();
    }

    /**
     * A front door's coverage code in its normal form ({@code N17}, {@code N4 1}), or empty when it is
     * neither a district nor a sector (a sector needs its space: {@code N41} is the district N41).
     */
    public static Optional<String> coverageCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = PARTIAL.matcher(c);
        return m.matches() ? Optional.of(c) : Optional.empty();
    }
}
