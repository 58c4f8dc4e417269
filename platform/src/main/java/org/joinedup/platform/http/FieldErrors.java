package org.joinedup.platform.http;

import java.util.ArrayList;
import java.util.List;

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
