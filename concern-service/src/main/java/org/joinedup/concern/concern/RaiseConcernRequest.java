package org.joinedup.concern.concern;

import org.joinedup.concern.child.NhsNumber;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildName;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.RiskLevel;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.events.WireNamed;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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

    public static final int MAX_DESCRIPTION = ConcernRules.MAX_DESCRIPTION;
    public static final int MAX_CHILDS_VOICE = ConcernRules.MAX_CHILDS_VOICE;
    public static final int MAX_NAME = 100;

    public static final int MAX_ALIASES = 10;

    /**
     * How the agency identifies the child: an NHS number, or family name, given name and date of birth;
     * a postcode, and other names the child is known by (aliases), where known.
     */
    public record Child(String nhsNumber, String familyName, String givenName, String dateOfBirth, String postcode,
                        List<Alias> aliases) {
        public Child(String nhsNumber, String familyName, String givenName, String dateOfBirth, String postcode) {
            this(nhsNumber, familyName, givenName, dateOfBirth, postcode, null);
        }
    }

    /** Another name the child is known by; either part may be left out. */
    public record Alias(String familyName, String givenName) {
    }

    /** Checks every rule and returns the command; throws 400 naming every broken rule otherwise. */
    public RaiseConcern toCommand(UUID concernId, String agencyId, String practitionerId, Instant now) {
        FieldErrors errors = new FieldErrors();
        ChildIdentification identification = child(errors, now);

        ConcernCategory parsedCategory = null;
        if (blank(category)) {
            errors.add("category", "required", "is required; one of " + names(ConcernCategory.class));
        } else {
            parsedCategory = ConcernRules.category(errors, category);
        }
        List<WellbeingIndicator> indicators = ConcernRules.indicators(errors,
                wellbeingIndicators == null ? List.of() : wellbeingIndicators);
        RiskLevel parsedRisk = null;
        if (blank(riskLevel)) {
            errors.add("riskLevel", "required", "is required; one of " + names(RiskLevel.class));
        } else {
            parsedRisk = ConcernRules.riskLevel(errors, riskLevel);
        }
        if (blank(description)) {
            errors.add("description", "required", "is required: what was seen, heard or told");
        } else {
            ConcernRules.maxLength(errors, "description", description, MAX_DESCRIPTION);
        }
        ConcernRules.maxLength(errors, "childsVoice", childsVoice, MAX_CHILDS_VOICE);
        Instant occurred = null;
        if (blank(occurredAt)) {
            errors.add("occurredAt", "required", "is required: when it happened, e.g. 2026-11-20T21:30:00Z");
        } else {
            occurred = ConcernRules.occurredAt(errors, occurredAt, now);
        }

        errors.throwIfAny();
        return new RaiseConcern(concernId, agencyId, practitionerId, identification, parsedCategory,
                indicators, parsedRisk, description.strip(),
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
                trimOrNull(child.postcode()), aliases(errors, child.aliases()));
    }

    private static List<ChildName> aliases(FieldErrors errors, List<Alias> aliases) {
        if (aliases == null) {
            return List.of();
        }
        if (aliases.size() > MAX_ALIASES) {
            errors.add("child.aliases", "max-items", "must list at most " + MAX_ALIASES + " aliases");
            return List.of();
        }
        List<ChildName> names = new java.util.ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            Alias alias = aliases.get(i);
            String field = "child.aliases[" + i + "]";
            if (alias == null || (blank(alias.familyName()) && blank(alias.givenName()))) {
                errors.add(field, "required", "needs a familyName, a givenName or both");
                continue;
            }
            checkName(errors, field + ".familyName", alias.familyName());
            checkName(errors, field + ".givenName", alias.givenName());
            names.add(new ChildName(trimOrNull(alias.familyName()), trimOrNull(alias.givenName())));
        }
        return names;
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
