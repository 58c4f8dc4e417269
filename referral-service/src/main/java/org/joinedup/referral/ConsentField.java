package org.joinedup.referral;

import org.joinedup.events.concern.Consent;
import org.joinedup.platform.http.FieldErrors;

import java.util.Set;

/**
 * The family's consent decision as a request gives it ({@code consent: {status, reason}}): given, refused or
 * not-sought, with a reason unless given. Referrals and early help assessments ask it the same way.
 */
public final class ConsentField {
    public static final int MAX_REASON = 4000;
    private static final Set<String> STATUSES = Set.of(Consent.GIVEN, Consent.REFUSED, Consent.NOT_SOUGHT);

    private ConsentField() {
    }

    /**
     * The checked decision, or null after adding {@code consent.status} ({@code required}, {@code one-of}) or
     * {@code consent.reason} ({@code required-without-consent}, saying {@code why}).
     */
    public static Consent check(FieldErrors errors, String status, String reason, String why) {
        if (status == null || status.isBlank()) {
            errors.add("consent.status", "required", "is required: the family's consent decision, one of given, refused, "
                    + "not-sought");
            return null;
        }
        String s = status.trim();
        if (!STATUSES.contains(s)) {
            errors.add("consent.status", "one-of", "must be one of given, refused, not-sought");
            return null;
        }
        String r = errors.optionalText("consent.reason", reason, MAX_REASON);
        if (!s.equals(Consent.GIVEN) && r == null) {
            errors.add("consent.reason", "required-without-consent",
                    "is required when consent was refused or not sought: " + why);
        }
        return new Consent(s, r);
    }
}
