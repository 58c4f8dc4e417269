package org.joinedup.concern.sharing;

import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.directory.LawfulBasis;
import org.joinedup.events.directory.SharingPurpose;
import org.joinedup.platform.http.FieldErrors;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /shares}: to whom, what (concern ids, or a note, or both), why, on what
 * lawful basis, and the family's consent. {@code override} (safeguarding leads only) shares without
 * a covering agreement, with a written justification.
 */
public record ShareRequest(String toAgency, String childId, List<String> concernIds, String note, String purpose,
                           String lawfulBasis, ConsentRequest consent, OverrideRequest override) {

    public record ConsentRequest(String status, String reason) {
    }

    public record OverrideRequest(String justification) {
    }

    /** The checked request. */
    public record Checked(String toAgency, UUID childId, List<UUID> concernIds, String note, String purpose,
                          String lawfulBasis, Consent consent, String overrideJustification) {
    }

    public static final int MAX_NOTE = 10_000;

    public Checked check() {
        FieldErrors errors = new FieldErrors();
        if (toAgency == null || toAgency.isBlank()) {
            errors.add("toAgency", "required", "is required: the agency receiving the information");
        }
        UUID child = childId(errors, childId);
        List<UUID> concerns = concernIds(errors, concernIds);
        boolean hasNote = note != null && !note.isBlank();
        if ((concernIds == null || concernIds.isEmpty()) && !hasNote) {
            errors.add("concernIds", "something-to-share", "name the concerns to share, or give a note, or both");
        }
        if (hasNote && note.length() > MAX_NOTE) {
            errors.add("note", "max-length", "must be at most " + MAX_NOTE + " characters");
        }
        if ((concernIds == null || concernIds.isEmpty()) && hasNote && childId == null) {
            errors.add("childId", "required-for-a-note", "is required when only a note is shared");
        }
        String checkedPurpose = vocabulary(errors, "purpose", purpose, SharingPurpose.class, "known-purpose");
        String basis = vocabulary(errors, "lawfulBasis", lawfulBasis, LawfulBasis.class, "known-lawful-basis");
        Consent checkedConsent = consent(errors);
        String justification = null;
        if (override != null) {
            if (override.justification() == null || override.justification().isBlank()) {
                errors.add("override.justification", "required", "an override needs a written justification");
            } else {
                justification = override.justification().strip();
            }
        }
        errors.throwIfAny();
        return new Checked(toAgency.trim(), child, concerns, hasNote ? note.strip() : null,
                checkedPurpose, basis, checkedConsent, justification);
    }

    static UUID childId(FieldErrors errors, String childId) {
        if (childId == null) {
            return null;
        }
        try {
            return UUID.fromString(childId);
        } catch (IllegalArgumentException e) {
            errors.add("childId", "uuid", "must be a child id (a UUID)");
            return null;
        }
    }

    static List<UUID> concernIds(FieldErrors errors, List<String> ids) {
        Set<UUID> concerns = new LinkedHashSet<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                try {
                    concerns.add(UUID.fromString(ids.get(i)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add("concernIds[" + i + "]", "uuid", "must be a concern id (a UUID)");
                }
            }
        }
        return List.copyOf(concerns);
    }

    private Consent consent(FieldErrors errors) {
        if (consent == null || consent.status() == null || consent.status().isBlank()) {
            errors.add("consent.status", "required", "is required: given, refused or not-sought");
            return null;
        }
        String status = consent.status().trim();
        if (!List.of(Consent.GIVEN, Consent.REFUSED, Consent.NOT_SOUGHT).contains(status)) {
            errors.add("consent.status", "known-consent-status", "must be given, refused or not-sought");
            return null;
        }
        boolean needsReason = !status.equals(Consent.GIVEN);
        if (needsReason && (consent.reason() == null || consent.reason().isBlank())) {
            errors.add("consent.reason", "required-unless-given",
                    "say why consent was refused or not sought (lack of consent does not stop a share that protects a child)");
        }
        return new Consent(status, consent.reason() == null || consent.reason().isBlank() ? null : consent.reason().strip());
    }

    static <E extends Enum<E> & WireNamed> String vocabulary(FieldErrors errors, String field, String value,
                                                            Class<E> type, String rule) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required", "is required; one of " + WireNamed.allNames(type));
            return null;
        }
        return WireNamed.fromWireName(type, value.trim()).map(WireNamed::wireName).orElseGet(() -> {
            errors.add(field, rule, "must be one of " + WireNamed.allNames(type));
            return null;
        });
    }
}
