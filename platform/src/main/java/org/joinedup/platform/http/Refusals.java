package org.joinedup.platform.http;

import org.joinedup.platform.decide.Refusal;
import org.joinedup.platform.store.StreamVersionConflict;
import org.joinedup.platform.store.WrongExpectedVersion;

import java.util.List;
import java.util.Map;

/**
 * The one place where the domain's refusals become {@code application/problem+json}: the kind decides
 * the status (not found 404, forbidden 403, conflict 409, invalid 400, unusable 422); a conflict's
 * rule is its problem type; the store's concurrency failures are 409 and 412.
 */
public final class Refusals {
    /** Forbidding rules that are problem types of their own on the wire, with their titles; the rest are {@code forbidden}. */
    private static final Map<String, String> OWN_FORBIDDEN_TYPES = Map.of(
            "no-sharing-agreement", "No agreement covers this share",
            "statutory-duty", "Only the agency with the statutory duty may do this");

    private Refusals() {
    }

    public static Problem problem(Refusal refusal) {
        return switch (refusal) {
            case Refusal.NotFound n -> Problem.of(404, "not-found", "Not found", n.detail(), List.of());
            case Refusal.Forbidden f -> OWN_FORBIDDEN_TYPES.containsKey(f.rule())
                    ? Problem.of(403, f.rule(), OWN_FORBIDDEN_TYPES.get(f.rule()), f.detail(), violations(f.violations()))
                    : Problem.of(403, "forbidden", "Forbidden", f.detail(), violations(f.violations()));
            case Refusal.Conflict c -> Problem.of(409, c.rule(), "Conflict", c.detail(), List.of());
            case Refusal.Invalid i -> ProblemException.invalid(violations(i.violations())).problem();
            case Refusal.Unusable u -> Problem.of(422, "unprocessable", "The request cannot be carried out", u.detail(),
                    violations(List.of(u.violation())));
        };
    }

    /** Another writer appended first. */
    public static Problem problem(StreamVersionConflict conflict) {
        return Problem.of(409, "stream-version-conflict", "The record was changed by someone else",
                "expected version " + conflict.expectedVersion() + " of " + conflict.streamId()
                        + " but another change came first; read it again and retry", List.of());
    }

    /** If-Match named another version than the record's. */
    public static Problem problem(WrongExpectedVersion stale) {
        String named = stale.expected() < 0 ? "a version this record never had" : "\"" + stale.expected() + "\"";
        return Problem.of(412, "precondition-failed", "The record has changed",
                "If-Match named version " + named + " but the record is at version \"" + stale.current()
                        + "\"; read it again and retry", List.of());
    }

    private static List<FieldViolation> violations(List<Refusal.Violation> violations) {
        return violations.stream().map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList();
    }
}
