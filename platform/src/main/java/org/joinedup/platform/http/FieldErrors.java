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
