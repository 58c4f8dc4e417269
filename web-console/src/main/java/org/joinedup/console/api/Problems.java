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

    /**
     * What a service said when it refused a request.
     *
     * @param status the HTTP status
     * @param title  the problem's title, or null when the answer was not problem+json
     * @param detail the problem's detail, or null
     * @param fields each field the service named, with its message
     */
    public record Refusal(int status, String title, String detail, Map<String, String> fields, Map<String, String> rules) {
        public Refusal(int status, String title, String detail, Map<String, String> fields) {
            this(status, title, detail, fields, Map.of());
        }
    }

    /** The HTTP status a service answered with. */
    public static int status(WebApplicationException e) {
        return e.getResponse() == null ? 502 : e.getResponse().getStatus();
    }

    /** The refusal, read once from the service's answer. */
    public static Refusal refusal(WebApplicationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        String title = null;
        String detail = null;
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            body.path("violations").forEach(v -> {
                fields.putIfAbsent(v.path("field").asText(), v.path("message").asText());
                rules.putIfAbsent(v.path("field").asText(), v.path("rule").asText(""));
            });
            title = body.path("title").asText(null);
            detail = body.path("detail").asText(null);
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not problem+json: no field to point at; the page says the request could not be carried out.
        }
        return new Refusal(status(e), title, detail, fields, rules);
    }

    /** Each field a service named, with its message: for a form to show beside the field. */
    public static Map<String, String> fieldErrors(WebApplicationException e) {
        return refusal(e).fields();
    }
}
