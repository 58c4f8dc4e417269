package org.joinedup.platform.http;

import org.joinedup.events.WireNamed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Collects every violation in a request, so the caller learns of all of them at once. */
public final class FieldErrors {
    private final List<FieldViolation> violations = new ArrayList<>();

    public FieldErrors add(String field, String rule, String message) {
        violations.add(new FieldViolation(field, rule, message));
        return this;
    }

    /**
     * A whole number from a query parameter, between min and max: the value, or min after adding a
     * violation ({@code integer} when it is not a number, {@code range} when it is out of bounds).
     */
    public int integer(String field, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                add(field, "range", "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            add(field, "integer", "must be a whole number between " + min + " and " + max);
            return min;
        }
    }

    /**
     * A required text: the value stripped, or null after adding {@code required}; {@code max-length}
     * when longer than {@code max}.
     */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", "is required");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** A request's one required text, stripped: 400 at once ({@code required}, {@code max-length}) when it is not valid. */
    public static String requiredText(String field, String value, int max) {
        FieldErrors errors = new FieldErrors();
        String v = errors.text(field, value, max);
        errors.throwIfAny();
        return v;
    }

    /** An optional text: null when absent, else as {@link #text}. */
    public String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            add(field, "max-length", "must be at most " + max + " characters");
        }
        return v;
    }

    /** A UUID: null when absent ({@code required} added if it is), or after adding {@code uuid}. */
    public UUID uuid(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required", "is required: a UUID");
            }
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            add(field, "uuid", "must be a UUID");
            return null;
        }
    }

    /** A calendar date (ISO-8601, e.g. 2026-12-04): null when absent ({@code required} if it is) or after {@code date}. */
    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required", "is required: a date such as 2026-12-04");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            add(field, "date", "must be a date such as 2026-12-04");
            return null;
        }
    }

    /** A required RFC 3339 date-time with offset: null after adding {@code required} or {@code date-time}. */
    public Instant dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", "is required: an RFC 3339 date-time such as 2026-11-23T14:30:00Z");
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            add(field, "date-time", "must be an RFC 3339 date-time with offset, e.g. 2026-11-23T14:30:00Z");
            return null;
        }
    }

    /** A required vocabulary value: null after adding {@code required} or {@code one-of}, naming every allowed value. */
    public <E extends Enum<E> & WireNamed> E oneOf(String field, String value, Class<E> vocabulary) {
        if (value == null || value.isBlank()) {
            add(field, "required", "is required: one of " + WireNamed.allNames(vocabulary));
            return null;
        }
        Optional<E> parsed = WireNamed.fromWireName(vocabulary, value.trim());
        if (parsed.isEmpty()) {
            add(field, "one-of", "must be one of " + WireNamed.allNames(vocabulary));
        }
        return parsed.orElse(null);
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    /** @throws ProblemException (400) when anything was added */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
