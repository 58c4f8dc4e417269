package org.joinedup.concern.access;

import org.joinedup.platform.http.FieldErrors;

/**
 * The body of {@code POST /children/{childId}/emergency-access}: why the whole picture is needed now,
 * naming the urgent risk, in at least {@value #MIN_JUSTIFICATION} characters.
 */
public record EmergencyAccessRequest(String justification) {
    public static final int MIN_JUSTIFICATION = 20;
    public static final int MAX_JUSTIFICATION = 2000;

    /** The justification, stripped; 400 naming the field when it is missing, too short or too long. */
    public String check() {
        FieldErrors errors = new FieldErrors();
        String text = errors.text("justification", justification, MAX_JUSTIFICATION);
        if (text != null && text.length() < MIN_JUSTIFICATION) {
            errors.add("justification", "min-length", "must be at least " + MIN_JUSTIFICATION
                    + " characters: name the urgent risk that makes the whole picture necessary now");
        }
        if (text != null && !org.joinedup.platform.http.StrictJson.isText(text)) {
            errors.add("justification", "text", "must be text: no control characters other than line breaks and tabs, "
                    + "and no unpaired surrogates");
        }
        errors.throwIfAny();
        return text;
    }
}
