package org.joinedup.platform.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: reads answer {@code ETag: "<version>"}; a change may send
 * {@code If-Match} with that tag and is refused with 412 when the record has moved on since.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** @throws ProblemException 412 when the header names another version than the current one */
    public static void check(String header, int currentVersion) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals(Integer.toString(currentVersion))) {
            throw new ProblemException(412, "precondition-failed", "The record has changed",
                    "If-Match named version " + header.trim() + " but the record is at version \"" + currentVersion
                            + "\"; read it again and retry");
        }
    }
}
