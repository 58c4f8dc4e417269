package org.joinedup.platform.decide;

import java.util.List;

/**
 * Why a command is not carried out, in the domain's words: a rule, never a status code. The web edge
 * turns each kind into {@code application/problem+json} in one place ({@code platform.http.ProblemMappers});
 * a Kafka command handler could turn the same refusal into a reply event.
 */
public sealed interface Refusal {

    /** What a person reads about the refusal. */
    String detail();

    /** The record does not exist, or the caller may not know that it does (need to know: the two look alike). */
    record NotFound(String detail) implements Refusal {
    }

    /**
     * The caller may not do this. {@code rule} names what forbids it ({@code receiving-agency-only},
     * {@code no-sharing-agreement}, ...); {@code violations} what would have to change, where that is useful.
     */
    record Forbidden(String rule, String detail, List<Violation> violations) implements Refusal {
        public Forbidden {
            violations = violations == null ? List.of() : List.copyOf(violations);
        }
    }

    /** The record's state does not allow this now ({@code rule}: {@code referral-closed}, {@code already-decided}, ...). */
    record Conflict(String rule, String detail) implements Refusal {
    }

    /** The command itself is wrong in the named fields (a date in the future, a member who is not in the team). */
    record Invalid(List<Violation> violations) implements Refusal {
        public Invalid {
            violations = List.copyOf(violations);
        }

        @Override
        public String detail() {
            return violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                    : violations.size() + " fields are not valid";
        }
    }

    /** The command is well formed but names something that cannot be used (an unknown child record, say). */
    record Unusable(Violation violation) implements Refusal {
        @Override
        public String detail() {
            return violation.field() + ": " + violation.message();
        }
    }

    /** One field of a command and the rule it breaks. */
    record Violation(String field, String rule, String message) {
    }

    static Refusal notFound(String detail) {
        return new NotFound(detail);
    }

    static Refusal forbidden(String rule, String detail) {
        return new Forbidden(rule, detail, List.of());
    }

    static Refusal conflict(String rule, String detail) {
        return new Conflict(rule, detail);
    }

    static Refusal invalid(String field, String rule, String message) {
        return new Invalid(List.of(new Violation(field, rule, message)));
    }

    static Refusal unusable(String field, String rule, String message) {
        return new Unusable(new Violation(field, rule, message));
    }
}
