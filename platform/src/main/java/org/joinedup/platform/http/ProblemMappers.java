package org.joinedup.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error a service answers is {@code application/problem+json}. Logs carry the exception class
 * and request outcome only, never request content (it may hold personal data).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder r = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        e.headers().forEach(r::header);
        return r.build();
    }

    /** A domain rule refused the command (see {@link Refusals}). */
    @ServerExceptionMapper
    public Response refused(org.joinedup.platform.command.Refused e) {
        return response(Refusals.problem(e.refusal()));
    }

    @ServerExceptionMapper
    public Response streamVersionConflict(org.joinedup.platform.store.StreamVersionConflict e) {
        return response(Refusals.problem(e));
    }

    @ServerExceptionMapper
    public Response wrongExpectedVersion(org.joinedup.platform.store.WrongExpectedVersion e) {
        return response(Refusals.problem(e));
    }

    /** A valid token without the role an endpoint needs. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return response(Problem.of(403, "forbidden", "Forbidden",
                "the caller's roles do not allow this operation", List.of()));
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e) {
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String key = duplicate.group(1);
            String field = key.length() <= 100 && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? key : "body";
            return response(Problem.of(400, "invalid-request", "The request is not valid",
                    field + ": the key appears more than once",
                    List.of(new FieldViolation(field, "duplicate-key", "must appear once in its object"))));
        }
        return response(Problem.of(400, "malformed-json", "The request body is not valid JSON",
                "the body could not be parsed as JSON at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr(),
                List.of(new FieldViolation("body", "well-formed-json", "must be a well-formed JSON document"))));
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        String field = path(e);
        if (e instanceof StrictJson.NotText) {
            return response(ProblemException.invalid(field, "text", "must be text: no control characters other than "
                    + "line breaks and tabs, and no unpaired surrogates").problem());
        }
        return response(Problem.of(400, "invalid-request", "The request is not valid",
                field + ": has the wrong JSON type",
                List.of(new FieldViolation(field, "json-type", "has the wrong JSON type for this field"))));
    }

    /** More specific than quarkus-rest-jackson's own mapper for this type, so ours answers. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unmappableJson(e);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return response(Problem.of(400, "malformed-json", "The request body is not valid JSON",
                "the body could not be read as JSON",
                List.of(new FieldViolation("body", "well-formed-json", "must be a well-formed JSON document"))));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNodes(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .collect(Collectors.toList());
        return response(ProblemException.invalid(violations).problem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof com.fasterxml.jackson.core.JsonParseException parse ? malformedJson(parse)
                    : json instanceof JsonMappingException mapping ? unmappableJson(mapping) : otherJson(json);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return response(Problem.of(status, slug(title), title, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return failure(e);
    }

    /** Checked exceptions that escaped a resource (an SQLException, say) get the same treatment. */
    @ServerExceptionMapper
    public Response unexpectedChecked(Exception e) {
        return failure(e);
    }

    private Response failure(Exception e) {
        if (Unavailable.isTransient(e)) {
            LOG.warnf("a dependency is unavailable (%s); answered 503", rootName(e));
            return problem(Unavailable.problem());
        }
        LOG.errorf(e, "unexpected failure (%s)", e.getClass().getName());
        return response(Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed; nothing partial was stored", List.of()));
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName() + (t instanceof java.sql.SQLException sql ? " SQLState " + sql.getSQLState() : "");
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    /** Bean validation paths start with the method and parameter: keep the field part. */
    private static String lastNodes(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
