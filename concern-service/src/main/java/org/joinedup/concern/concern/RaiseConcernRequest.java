package org.joinedup.concern.concern;

import org.joinedup.concern.child.NhsNumber;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.RiskLevel;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.events.WireNamed;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /concerns}. Fields arrive as text and are checked here, one rule per
 * check, so every mistake is reported with its field and rule. There is no agency field: the agency
 * comes from the caller's token.
 */
public record RaiseConcernRequest(
        Child child,
        String category,
        List<String> wellbeingIndicators,
        String riskLevel,
        String description,
        String childsVoice,
        String occurredAt) {

    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_CHILDS_VOICE = 10_000;
    public static final int MAX_NAME = 100;

    /** How the agency identifies the child: an NHS number, or family name, given name and date of birth. */
    public record Child(String nhsNumber, String familyName, String givenName, String dateOfBirth, String postcode) {
    }

    /** Checks every rule and returns the command; throws 400 naming every broken rule otherwise. */
    public RaiseConcern toCommand(UUID concernId, String agencyId, String practitionerId, Instant now) {
        FieldErrors errors = new FieldErrors();
        ChildIdentification identification = child(errors, now);

        ConcernCategory parsedCategory = null;
        if (blank(category)) {
            errors.add("category", "required", "is required; one of " + names(ConcernCategory.class));
        } else {
            parsedCategory = ConcernCategory.fromWireName(category).orElse(null);
            if (parsedCategory == null) {
                errors.add("category", "known-category", "must be one of " + names(ConcernCategory.class));
            }
        }

        Set<WellbeingIndicator> indicators = new LinkedHashSet<>();
        if (wellbeingIndicators != null) {
            for (int i = 0; i < wellbeingIndicators.size(); i++) {
                String name = wellbeingIndicators.get(i);
                var indicator = name == null ? null : WellbeingIndicator.fromWireName(name).orElse(null);
                if (indicator == null) {
                    errors.add("wellbeingIndicators[" + i + "]", "known-indicator",
                            "must be one of " + names(WellbeingIndicator.class));
                } else {
                    indicators.add(indicator);
                }
            }
        }

        RiskLevel parsedRisk = null;
        if (blank(riskLevel)) {
            errors.add("riskLevel", "required", "is required; one of " + names(RiskLevel.class));
        } else {
            parsedRisk = RiskLevel.fromWireName(riskLevel).orElse(null);
            if (parsedRisk == null) {
                errors.add("riskLevel", "known-risk-level", "must be one of " + names(RiskLevel.class));
            }
        }

        if (blank(description)) {
            errors.add("description", "required", "is required: what was seen, heard or told");
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add("description", "max-length", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (childsVoice != null && childsVoice.length() > MAX_CHILDS_VOICE) {
            errors.add("childsVoice", "max-length", "must be at most " + MAX_CHILDS_VOICE + " characters");
        }

        Instant occurred = null;
        if (blank(occurredAt)) {
            errors.add("occurredAt", "required", "is required: when it happened, e.g. 2026-11-20T21:30:00Z");
        } else {
            try {
                occurred = OffsetDateTime.parse(occurredAt.trim()).toInstant();
                if (occurred.isAfter(now)) {
                    errors.add("occurredAt", "not-in-future", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                errors.add("occurredAt", "date-time", "must be an RFC 3339 date-time with offset, e.g. 2026-11-20T21:30:00Z");
            }
        }

        errors.throwIfAny();
        return new RaiseConcern(concernId, agencyId, practitionerId, identification, parsedCategory,
                new ArrayList<>(indicators), parsedRisk, description.strip(),
                blank(childsVoice) ? null : childsVoice.strip(), occurred);
    }

    private ChildIdentification child(FieldErrors errors, Instant now) {
        if (child == null) {
            errors.add("child", "required", "is required: an NHS number, or family name, given name and date of birth");
            return null;
        }
        String nhs = null;
        if (!blank(child.nhsNumber())) {
            nhs = NhsNumber.normalise(child.nhsNumber());
            if (nhs == null) {
                errors.add("child.nhsNumber", "nhs-number-format", "must be 10 digits");
            } else if (!NhsNumber.hasValidCheckDigit(nhs)) {
                errors.add("child.nhsNumber", "nhs-number-check-digit", "fails the modulus-11 check digit");
                nhs = null;
            }
        }
        LocalDate dob = null;
        if (!blank(child.dateOfBirth())) {
            try {
                dob = LocalDate.parse(child.dateOfBirth().trim());
                if (dob.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
                    errors.add("child.dateOfBirth", "not-in-future", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                errors.add("child.dateOfBirth", "date", "must be a date, e.g. 2017-03-14");
            }
        }
        checkName(errors, "child.familyName", child.familyName());
        checkName(errors, "child.givenName", child.givenName());
        if (blank(child.nhsNumber())) {
            if (blank(child.familyName())) {
                errors.add("child.familyName", "required-without-nhs-number", "is required when there is no NHS number");
            }
            if (blank(child.givenName())) {
                errors.add("child.givenName", "required-without-nhs-number", "is required when there is no NHS number");
            }
            if (blank(child.dateOfBirth())) {
                errors.add("child.dateOfBirth", "required-without-nhs-number", "is required when there is no NHS number");
            }
        }
        if (child.postcode() != null && child.postcode().length() > 10) {
            errors.add("child.postcode", "max-length", "must be at most 10 characters");
        }
        return new ChildIdentification(nhs, trimOrNull(child.familyName()), trimOrNull(child.givenName()), dob,
                trimOrNull(child.postcode()));
    }

    private static void checkName(FieldErrors errors, String field, String value) {
        if (value != null && value.length() > MAX_NAME) {
            errors.add(field, "max-length", "must be at most " + MAX_NAME + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimOrNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static <E extends Enum<E> & WireNamed> String names(Class<E> type) {
        return WireNamed.allNames(type);
    }
}
