package org.joinedup.audit.chronology;

import org.joinedup.events.EventType;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.WireNamed;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a chronology is narrowed to: an agency, a concern category, an event type, and when things
 * happened (from, to); and the moment it is seen as of (null: now). Each is optional.
 */
public record ChronologyFilter(String agencyId, String category, String type, Instant from, Instant to, Instant asOf) {
    public static final ChronologyFilter NONE = new ChronologyFilter(null, null, null, null, null, null);

    /** Parses the query parameters, adding a violation for each one that is wrong. */
    public static ChronologyFilter parse(FieldErrors errors, String agencyId, String category, String type, String from,
                                         String to) {
        if (agencyId != null && (agencyId.isBlank() || agencyId.length() > 100)) {
            errors.add("agencyId", "length", "must be 1 to 100 characters");
        }
        if (category != null && WireNamed.fromWireName(ConcernCategory.class, category).isEmpty()) {
            errors.add("category", "one-of", "must be one of " + WireNamed.allNames(ConcernCategory.class));
        }
        if (type != null && EventType.byTypeName(type).isEmpty()) {
            errors.add("type", "event-type", "must be an event type of the catalogue, e.g. concern-raised");
        }
        Instant f = instant(errors, "from", from);
        Instant t = instant(errors, "to", to);
        if (f != null && t != null && f.isAfter(t)) {
            errors.add("to", "not-before-from", "must not be before from");
        }
        return new ChronologyFilter(blankToNull(agencyId), category, type, f, t, null);
    }

    public ChronologyFilter asOf(Instant at) {
        return new ChronologyFilter(agencyId, category, type, from, to, at);
    }

    private static Instant instant(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "instant", "must be an instant, e.g. 2026-11-01T00:00:00Z");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
