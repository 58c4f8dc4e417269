package org.joinedup.concern.child;

import org.joinedup.platform.http.FieldErrors;

import java.util.UUID;

/** The body of {@code POST /children/links}: which two records are one child, and why. */
public record LinkRequest(String childId, String linkedChildId, String candidateId, String reason) {
    public static final int MAX_REASON = 2000;

    /** The checked request; 400 naming every broken rule otherwise. */
    public record Checked(UUID childId, UUID linkedChildId, UUID candidateId, String reason) {
    }

    public Checked check() {
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", childId, true);
        UUID linked = errors.uuid("linkedChildId", linkedChildId, true);
        UUID candidate = errors.uuid("candidateId", candidateId, false);
        String why = reason(errors, reason);
        errors.throwIfAny();
        return new Checked(child, linked, candidate, why);
    }

    /** A required reason of at most {@value #MAX_REASON} characters, stripped. */
    static String reason(FieldErrors errors, String reason) {
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "required", "is required: why the lead decided this");
            return null;
        }
        if (reason.strip().length() > MAX_REASON) {
            errors.add("reason", "max-length", "must be at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }
}
