package org.joinedup.platform.http;

import java.util.List;
import java.util.Map;

/** A refusal the caller can act on; rendered as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(Problem.of(status, slug, title, detail, List.of()));
    }

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** With response headers, such as {@code Retry-After}. */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400: the request is wrong in the named fields; nothing was stored. */
    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(Problem.of(400, "invalid-request", "The request is not valid",
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are not valid", violations));
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldViolation(field, rule, message)));
    }

    /** 422: the request is well formed but names something that cannot be used (an unknown agency, say). */
    public static ProblemException unprocessable(String field, String rule, String message) {
        return new ProblemException(Problem.of(422, "unprocessable", "The request cannot be carried out",
                field + ": " + message, List.of(new FieldViolation(field, rule, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }
}
