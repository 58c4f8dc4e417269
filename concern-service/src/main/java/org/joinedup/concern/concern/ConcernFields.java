package org.joinedup.concern.concern;

import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.RiskLevel;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.platform.http.FieldErrors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A concern request's fields read at the HTTP edge, shared by raising and amending; each broken rule is added to the request's errors. */
final class ConcernFields {
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_CHILDS_VOICE = 10_000;
    static final int MAX_REASON = 1_000;

    private ConcernFields() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static ConcernCategory category(FieldErrors errors, String value) {
        ConcernCategory parsed = ConcernCategory.fromWireName(value).orElse(null);
        if (parsed == null) {
            errors.add("category", "known-category", "must be one of " + WireNamed.allNames(ConcernCategory.class));
        }
        return parsed;
    }

    static List<WellbeingIndicator> indicators(FieldErrors errors, List<String> values) {
        Set<WellbeingIndicator> indicators = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i);
            var indicator = name == null ? null : WellbeingIndicator.fromWireName(name).orElse(null);
            if (indicator == null) {
                errors.add("wellbeingIndicators[" + i + "]", "known-indicator",
                        "must be one of " + WireNamed.allNames(WellbeingIndicator.class));
            } else {
                indicators.add(indicator);
            }
        }
        return new ArrayList<>(indicators);
    }

    static RiskLevel riskLevel(FieldErrors errors, String value) {
        RiskLevel parsed = RiskLevel.fromWireName(value).orElse(null);
        if (parsed == null) {
            errors.add("riskLevel", "known-risk-level", "must be one of " + WireNamed.allNames(RiskLevel.class));
        }
        return parsed;
    }

    static void maxLength(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, "max-length", "must be at most " + max + " characters");
        }
    }

    static Instant occurredAt(FieldErrors errors, String value, Instant now) {
        try {
            Instant occurred = OffsetDateTime.parse(value.trim()).toInstant();
            if (occurred.isAfter(now)) {
                errors.add("occurredAt", "not-in-future", "must not be in the future");
            }
            return occurred;
        } catch (DateTimeParseException e) {
            errors.add("occurredAt", "date-time", "must be an RFC 3339 date-time with offset, e.g. 2026-11-20T21:30:00Z");
            return null;
        }
    }
}
