package org.joinedup.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a path or query parameter holding a NUL or another C0 control character (400 naming the
 * parameter, rule {@code no-control-characters}) before a resource sees it: no identifier, date or
 * name has one, and PostgreSQL refuses NUL in text, which would otherwise surface as a server error.
 */
public class ControlCharacters {

    @ServerRequestFilter
    public Optional<Response> refuse(ContainerRequestContext request) {
        String bad = first(request.getUriInfo().getPathParameters(true));
        if (bad == null) {
            bad = first(request.getUriInfo().getQueryParameters(true));
        }
        if (bad == null) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.response(Problem.of(400, "invalid-request", "The request is not valid",
                bad + ": holds a control character",
                List.of(new FieldViolation(bad, "no-control-characters", "must not hold control characters such as NUL")))));
    }

    private static String first(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    return p.getKey().length() <= 100 ? p.getKey() : "query";
                }
            }
        }
        return null;
    }
}
