package org.joinedup.platform.http;

import jakarta.ws.rs.core.EntityTag;
import org.joinedup.platform.store.ExpectedVersion;

/**
 * Optimistic concurrency over HTTP: reads answer {@code ETag: "<version>"}; a change may send
 * {@code If-Match} with that tag, which becomes the version the command expects, and is refused with
 * 412 when the record has moved on since ({@code ProblemMappers}). Without the header (or with
 * {@code *}) the change applies to the record as it is.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version an {@code If-Match} header names; a tag that is not a version no record ever has. */
    public static ExpectedVersion expected(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ExpectedVersion.any();
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        // Versions are written without sign or leading zeros: any other spelling names no version.
        boolean version = tag.matches("0|[1-9][0-9]{0,8}");
        return ExpectedVersion.exactly(version ? Integer.parseInt(tag) : -1);
    }
}
