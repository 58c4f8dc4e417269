package org.joinedup.concern.child;

import org.joinedup.platform.http.FieldErrors;

/** The body of a lead's decision that needs only a reason: unlinking, dismissing a candidate. */
public record ReasonRequest(String reason) {
    public String check() {
        FieldErrors errors = new FieldErrors();
        String why = LinkRequest.reason(errors, reason);
        errors.throwIfAny();
        return why;
    }
}
