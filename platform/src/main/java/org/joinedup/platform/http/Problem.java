package org.joinedup.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://joinedup.example/problems/";

    public static Problem of(int status, String slug, String title, String detail, List<FieldViolation> violations) {
        return new Problem(TYPE_BASE + slug, title, status, detail, violations == null ? List.of() : List.copyOf(violations));
    }
}
