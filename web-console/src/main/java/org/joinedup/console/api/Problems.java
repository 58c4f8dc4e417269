package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;

import java.util.LinkedHashMap;
import java.util.Map;

/** A service's refusal ({@code application/problem+json}), as a page shows it. */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The HTTP status a service answered with. */
    public static int status(WebApplicationException e) {
        return e.getResponse() == null ? 502 : e.getResponse().getStatus();
    }

    /** Each field a service named, with its message: for a form to show beside the field. */
    public static Map<String, String> fieldErrors(WebApplicationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            body.path("violations").forEach(v -> errors.putIfAbsent(v.path("field").asText(), v.path("message").asText()));
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not problem+json: no field to point at; the page says the request could not be carried out.
        }
        return errors;
    }
}
