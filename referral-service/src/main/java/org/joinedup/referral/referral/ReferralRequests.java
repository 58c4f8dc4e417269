package org.joinedup.referral.referral;

import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.ReferralUrgency;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The JSON bodies of the referral endpoints, and the field rules each must meet. */
public final class ReferralRequests {
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CONCERNS = 50;
    private static final Set<String> CONSENT = Set.of(Consent.GIVEN, Consent.REFUSED, Consent.NOT_SOUGHT);

    private ReferralRequests() {
    }

    public record ConsentBody(String status, String reason) {
    }

    /** POST /referrals. */
    public record Make(String childId, String toAgency, List<String> concernIds, String reason, String urgency,
                       String familyInformed, ConsentBody consent) {

        /** The checked command; every broken rule is added to {@code errors}, and null returned if any. */
        public MakeReferral check(FieldErrors errors, UUID referralId, String fromAgency, String referredBy) {
            UUID child = uuid(errors, "childId", childId);
            String to = text(errors, "toAgency", toAgency, 100);
            if (to != null && to.equals(fromAgency)) {
                errors.add("toAgency", "another-agency", "must be another agency than the caller's");
            }
            List<UUID> concerns = new ArrayList<>();
            if (concernIds == null || concernIds.isEmpty()) {
                errors.add("concernIds", "required", "name at least one concern the referral rests on");
            } else if (concernIds.size() > MAX_CONCERNS) {
                errors.add("concernIds", "max-items", "at most " + MAX_CONCERNS + " concerns");
            } else {
                for (int i = 0; i < concernIds.size(); i++) {
                    UUID id = uuid(errors, "concernIds[" + i + "]", concernIds.get(i));
                    if (id != null && !concerns.contains(id)) {
                        concerns.add(id);
                    }
                }
            }
            String why = text(errors, "reason", reason, MAX_TEXT);
            Optional<ReferralUrgency> urgent = Optional.empty();
            if (urgency == null || urgency.isBlank()) {
                errors.add("urgency", "required", "is required: one of " + WireNamed.allNames(ReferralUrgency.class));
            } else {
                urgent = ReferralUrgency.fromWireName(urgency.trim());
                if (urgent.isEmpty()) {
                    errors.add("urgency", "one-of", "must be one of " + WireNamed.allNames(ReferralUrgency.class));
                }
            }
            String told = text(errors, "familyInformed", familyInformed, MAX_TEXT);
            Consent checkedConsent = ReferralRequests.consent(errors, consent);
            if (!errors.isEmpty()) {
                return null;
            }
            return new MakeReferral(referralId, child, fromAgency, referredBy, to, List.copyOf(concerns), why,
                    urgent.get(), told, checkedConsent);
        }
    }

    /** POST /referrals/{id}/decision. */
    public record Decide(String outcome, String reason) {
        public ReferralOutcome check(FieldErrors errors) {
            text(errors, "reason", reason, MAX_TEXT);
            if (outcome == null || outcome.isBlank()) {
                errors.add("outcome", "required", "is required: one of " + WireNamed.allNames(ReferralOutcome.class));
                return null;
            }
            Optional<ReferralOutcome> o = ReferralOutcome.fromWireName(outcome.trim());
            if (o.isEmpty()) {
                errors.add("outcome", "one-of", "must be one of " + WireNamed.allNames(ReferralOutcome.class));
            }
            return o.orElse(null);
        }
    }

    /** A reason (closure) or a summary (assessment), required. */
    public record Reason(String reason) {
    }

    public record Summary(String summary) {
    }

    /** POST .../strategy-discussion and .../conference: when it was held (ISO-8601 instant), and a note. */
    public record Meeting(String heldAt, String note) {
        public Instant heldAt(FieldErrors errors) {
            return instant(errors, "heldAt", heldAt);
        }
    }

    static Consent consent(FieldErrors errors, ConsentBody consent) {
        if (consent == null || consent.status() == null || consent.status().isBlank()) {
            errors.add("consent.status", "required", "is required: one of given, refused, not-sought");
            return null;
        }
        String status = consent.status().trim();
        if (!CONSENT.contains(status)) {
            errors.add("consent.status", "one-of", "must be one of given, refused, not-sought");
            return null;
        }
        String reason = consent.reason() == null || consent.reason().isBlank() ? null : consent.reason().strip();
        if (!status.equals(Consent.GIVEN) && reason == null) {
            errors.add("consent.reason", "required-without-consent",
                    "is required when consent was refused or not sought: why the referral proceeds without it");
        } else if (reason != null && reason.length() > MAX_TEXT) {
            errors.add("consent.reason", "max-length", "must be at most " + MAX_TEXT + " characters");
        }
        return new Consent(status, reason);
    }

    /** A required text, stripped; null after adding {@code required} or {@code max-length}. */
    public static String text(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required", "is required");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(field, "max-length", "must be at most " + max + " characters");
            return null;
        }
        return v;
    }

    /** An optional text, stripped; null when absent. */
    public static String optionalText(FieldErrors errors, String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(errors, field, value, max);
    }

    public static UUID uuid(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required", "is required");
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(field, "uuid", "must be a UUID");
            return null;
        }
    }

    static Instant instant(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required", "is required: an ISO-8601 instant such as 2026-11-23T14:30:00Z");
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "instant", "must be an ISO-8601 instant such as 2026-11-23T14:30:00Z");
            return null;
        }
    }
}
