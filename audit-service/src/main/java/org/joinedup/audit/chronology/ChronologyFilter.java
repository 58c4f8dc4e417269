package org.joinedup.audit.chronology;

import org.joinedup.events.EventType;
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a chronology is narrowed to: an agency, a concern category, a wellbeing indicator, an event type
 * or a kind of record (concern, referral, flag...), and when things happened (from, to); the moment it is
 * seen as of (null: now); and its order (oldest first, or newest first). Each is optional.
 */
public record ChronologyFilter(String agencyId, String category, String type, Instant from, Instant to, Instant asOf,
                               String indicator, Set<String> types, boolean newestFirst, Significance significance) {
    public static final ChronologyFilter NONE = new ChronologyFilter(null, null, null, null, null, null, null, null, false,
            null);
    /** The kinds of record a chronology can be narrowed to. */
    public static final List<RecordKind> KINDS = Arrays.stream(RecordKind.values()).filter(k -> k != RecordKind.ACCESS).toList();

    /** Parses the query parameters, adding a violation for each one that is wrong. */
    public static ChronologyFilter parse(FieldErrors errors, String agencyId, String category, String type, String from,
                                         String to) {
        return parse(errors, agencyId, category, type, from, to, null, null, null, null);
    }

    /** As {@link #parse(FieldErrors, String, String, String, String, String)}, with indicator, kind and order. */
    public static ChronologyFilter parse(FieldErrors errors, String agencyId, String category, String type, String from,
                                         String to, String indicator, String kind, String order) {
        return parse(errors, agencyId, category, type, from, to, indicator, kind, order, null);
    }

    /**
     * As {@link #parse(FieldErrors, String, String, String, String, String)}, with indicator, kind, order and
     * significance ({@code significant}: the entries a lead must not miss; {@code process}: the rest).
     */
    public static ChronologyFilter parse(FieldErrors errors, String agencyId, String category, String type, String from,
                                         String to, String indicator, String kind, String order, String significance) {
        Significance sig = null;
        if (significance != null) {
            sig = Significance.fromWireName(significance).orElse(null);
            if (sig == null) {
                errors.add("significance", "one-of", "must be one of significant, process");
            }
        }
        if (agencyId != null && (agencyId.isBlank() || agencyId.length() > 100)) {
            errors.add("agencyId", "length", "must be 1 to 100 characters");
        }
        if (category != null && WireNamed.fromWireName(ConcernCategory.class, category).isEmpty()) {
            errors.add("category", "one-of", "must be one of " + WireNamed.allNames(ConcernCategory.class));
        }
        if (indicator != null && WireNamed.fromWireName(WellbeingIndicator.class, indicator).isEmpty()) {
            errors.add("indicator", "one-of", "must be one of " + WireNamed.allNames(WellbeingIndicator.class));
        }
        if (type != null && EventType.byTypeName(type).isEmpty()) {
            errors.add("type", "event-type", "must be an event type of the catalogue, e.g. concern-raised");
        }
        Set<String> types = null;
        if (kind != null) {
            RecordKind k = RecordKind.fromWireName(kind).filter(KINDS::contains).orElse(null);
            if (k == null) {
                errors.add("kind", "one-of", "must be one of "
                        + KINDS.stream().map(RecordKind::wireName).collect(Collectors.joining(", ")));
            } else {
                types = k.eventTypes();
            }
        }
        if (order != null && !List.of("oldest", "newest").contains(order)) {
            errors.add("order", "one-of", "must be one of oldest, newest");
        }
        Instant f = instant(errors, "from", from);
        Instant t = instant(errors, "to", to);
        if (f != null && t != null && f.isAfter(t)) {
            errors.add("to", "not-before-from", "must not be before from");
        }
        return new ChronologyFilter(blankToNull(agencyId), category, type, f, t, null, indicator, types,
                "newest".equals(order), sig);
    }

    public ChronologyFilter asOf(Instant at) {
        return new ChronologyFilter(agencyId, category, type, from, to, at, indicator, types, newestFirst, significance);
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
