package org.joinedup.directory.validation;

import org.joinedup.events.WireNamed;
import org.joinedup.platform.http.FieldErrors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Field checks only the directory has; text, dates and UUIDs are {@link FieldErrors}'. Each adds a named rule. */
public final class Fields {
    public static final String AGENCY_ID_PATTERN = "[a-z0-9][a-z0-9-]{1,62}";

    private Fields() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A required vocabulary value; returns its wire name. */
    public static <E extends Enum<E> & WireNamed> String vocabulary(FieldErrors errors, String field, String value,
                                                                   Class<E> type, String rule) {
        if (blank(value)) {
            errors.add(field, "required", "is required; one of " + WireNamed.allNames(type));
            return null;
        }
        Optional<E> parsed = WireNamed.fromWireName(type, value.trim());
        if (parsed.isEmpty()) {
            errors.add(field, rule, "must be one of " + WireNamed.allNames(type));
            return null;
        }
        return parsed.get().wireName();
    }

    /** A non-empty list of distinct values, each passing {@code known}. */
    public static List<String> nonEmptyList(FieldErrors errors, String field, List<String> values,
                                            Predicate<String> known, String rule, String allowed) {
        if (values == null || values.isEmpty()) {
            errors.add(field, "required", "must name at least one; one of " + allowed);
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? null : values.get(i).trim();
            if (v == null || !known.test(v)) {
                errors.add(field + "[" + i + "]", rule, "must be one of " + allowed);
            } else {
                seen.add(v);
            }
        }
        return new ArrayList<>(seen);
    }

    public static String agencyId(FieldErrors errors, String field, String value) {
        if (blank(value)) {
            errors.add(field, "required", "is required");
            return null;
        }
        if (!value.matches(AGENCY_ID_PATTERN)) {
            errors.add(field, "agency-id-format",
                    "must be 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
            return null;
        }
        return value;
    }
}
