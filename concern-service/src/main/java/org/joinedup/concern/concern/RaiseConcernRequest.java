package org.joinedup.concern.concern;

import org.joinedup.concern.concern.domain.RaiseConcern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.events.concern.NhsNumber;
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

    public static final int MAX_DESCRIPTION = ConcernFields.MAX_DESCRIPTION;
    public static final int MAX_CHILDS_VOICE = ConcernFields.MAX_CHILDS_VOICE;
    public static final int MAX_NAME = 100;

    public static final int MAX_ALIASES = 10;

    public static final int MAX_CHILD_DESCRIPTION = 500;
    /** The oldest age accepted: children, and care leavers supported to 25. */
    public static final int MAX_AGE_YEARS = 25;

    /**
     * How the agency identifies the child, as far as it knows: any of an NHS number, names, a date of
     * birth (exact, estimated with {@code dateOfBirthEstimated}, or an age in years), a postcode, other
     * names the child is known by (aliases), and a description of the child. At least one of the NHS
     * number, a name, a date of birth or age, or a description is needed: a concern is never refused
     * for what the agency does not know.
     */
    public record Child(String nhsNumber, String familyName, String givenName, String dateOfBirth, String postcode,
                        List<Alias> aliases,
                        @Schema(type = SchemaType.BOOLEAN, description = "true when dateOfBirth is an estimate")
                        String dateOfBirthEstimated,
                        @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "25",
                                description = "the child's age in years when the date of birth is not known")
                        String ageYears,
                        @Schema(maxLength = MAX_CHILD_DESCRIPTION,
                                description = "the child as the agency describes them when little else is known")
                        String description) {
        public Child(String nhsNumber, String familyName, String givenName, String dateOfBirth, String postcode) {
            this(nhsNumber, familyName, givenName, dateOfBirth, postcode, null);
        }

        public Child(String nhsNumber, String familyName, String givenName, String dateOfBirth, String postcode,
                     List<Alias> aliases) {
            this(nhsNumber, familyName, givenName, dateOfBirth, postcode, aliases, null, null, null);
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
            parsedCategory = ConcernFields.category(errors, category);
        }
        List<WellbeingIndicator> indicators = ConcernFields.indicators(errors,
                wellbeingIndicators == null ? List.of() : wellbeingIndicators);
        RiskLevel parsedRisk = null;
        if (blank(riskLevel)) {
            errors.add("riskLevel", "required", "is required; one of " + names(RiskLevel.class));
        } else {
            parsedRisk = ConcernFields.riskLevel(errors, riskLevel);
        }
        if (blank(description)) {
            errors.add("description", "required", "is required: what was seen, heard or told");
        } else {
            ConcernFields.maxLength(errors, "description", description, MAX_DESCRIPTION);
        }
        ConcernFields.maxLength(errors, "childsVoice", childsVoice, MAX_CHILDS_VOICE);
        Instant occurred = null;
        if (blank(occurredAt)) {
            errors.add("occurredAt", "required", "is required: when it happened, e.g. 2026-11-20T21:30:00Z");
        } else {
            occurred = ConcernFields.occurredAt(errors, occurredAt, now);
        }

        errors.throwIfAny();
        return new RaiseConcern(concernId, agencyId, practitionerId, identification, parsedCategory,
                indicators, parsedRisk, description.strip(),
                blank(childsVoice) ? null : childsVoice.strip(), occurred);
    }

    private ChildIdentification child(FieldErrors errors, Instant now) {
        if (child == null) {
            errors.add("child", "required", "is required: an NHS number, names, a date of birth or age, or a description");
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
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        LocalDate dob = null;
        if (!blank(child.dateOfBirth())) {
            try {
                dob = LocalDate.parse(child.dateOfBirth().trim());
                if (dob.isAfter(today)) {
                    errors.add("child.dateOfBirth", "not-in-future", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                errors.add("child.dateOfBirth", "date", "must be a date, e.g. 2017-03-14");
            }
        }
        boolean estimated = false;
        if (!blank(child.dateOfBirthEstimated())) {
            switch (child.dateOfBirthEstimated().strip()) {
                case "true" -> estimated = true;
                case "false" -> estimated = false;
                default -> errors.add("child.dateOfBirthEstimated", "boolean", "must be true or false");
            }
            if (estimated && blank(child.dateOfBirth())) {
                errors.add("child.dateOfBirthEstimated", "requires-date-of-birth",
                        "is true only with a dateOfBirth (the estimate); give ageYears when only an age is known");
            }
        }
        if (!blank(child.ageYears())) {
            Integer age = null;
            try {
                age = Integer.valueOf(child.ageYears().strip());
            } catch (NumberFormatException e) {
                errors.add("child.ageYears", "whole-number", "must be a whole number of years, e.g. 8");
            }
            if (age != null && (age < 0 || age > MAX_AGE_YEARS)) {
                errors.add("child.ageYears", "range", "must be from 0 to " + MAX_AGE_YEARS);
            } else if (age != null && !blank(child.dateOfBirth())) {
                errors.add("child.ageYears", "date-of-birth-or-age", "give a dateOfBirth or an ageYears, not both");
            } else if (age != null) {
                dob = org.joinedup.concern.child.ChildIdentity.birthForAge(age, today);
                estimated = true;
            }
        }
        checkName(errors, "child.familyName", child.familyName());
        checkName(errors, "child.givenName", child.givenName());
        ConcernFields.maxLength(errors, "child.description", child.description(), MAX_CHILD_DESCRIPTION);
        if (blank(child.nhsNumber()) && blank(child.familyName()) && blank(child.givenName())
                && blank(child.dateOfBirth()) && blank(child.ageYears()) && blank(child.description())) {
            errors.add("child", "identifier-required", "needs at least one of nhsNumber, familyName, givenName, "
                    + "dateOfBirth, ageYears or description (for example \"a boy of about 8 at the address\")");
        }
        if (child.postcode() != null && child.postcode().length() > 10) {
            errors.add("child.postcode", "max-length", "must be at most 10 characters");
        }
        return new ChildIdentification(nhs, trimOrNull(child.familyName()), trimOrNull(child.givenName()), dob,
                trimOrNull(child.postcode()), aliases(errors, child.aliases()), estimated, trimOrNull(child.description()));
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
