package org.joinedup.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before a resource sees it, a path or query parameter that no identifier, date, name or
 * filter could be (400 naming the parameter):
 * <ul>
 *   <li>{@code no-control-characters}: a NUL or another C0 control character (PostgreSQL refuses NUL
 *   in text, which would otherwise surface as a server error);</li>
 *   <li>{@code text}: a percent-escape that decodes to something that is not text, such as a lone
 *   surrogate or malformed UTF-8 (decoded as U+FFFD);</li>
 *   <li>{@code max-length}: longer than {@value #MAX_LENGTH} characters. Request lines up to
 *   {@code quarkus.http.limits.max-initial-line-length} reach this check; only longer ones are cut
 *   off by the HTTP layer itself (414).</li>
 * </ul>
 */
public class ParameterChecks {
    static final int MAX_LENGTH = 1_000;

    @ServerRequestFilter
    public Optional<Response> refuse(ContainerRequestContext request) {
        FieldViolation bad = first(request.getUriInfo().getPathParameters(true));
        if (bad == null) {
            bad = first(request.getUriInfo().getQueryParameters(true));
        }
        if (bad == null) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.response(ProblemException.invalid(List.of(bad)).problem()));
    }

    private static FieldViolation first(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            String name = p.getKey().length() <= 100 && StrictJson.isText(p.getKey()) ? p.getKey() : "query";
            for (String value : p.getValue()) {
                if (value == null) {
                    continue;
                }
                if (value.length() > MAX_LENGTH) {
                    return new FieldViolation(name, "max-length", "must be at most " + MAX_LENGTH + " characters");
                }
                if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    return new FieldViolation(name, "no-control-characters", "must not hold control characters such as NUL");
                }
                if (!StrictJson.isText(value) || value.indexOf('\ufffd') >= 0) {
                    return new FieldViolation(name, "text", "must be text: well-formed UTF-8, percent-encoded");
                }
            }
        }
        return null;
    }
}
