package org.joinedup.platform.http;

import java.util.UUID;

/** The correlation id of a request: the caller's {@code X-Correlation-Id} when it is a UUID, else a new one. */
public final class Correlation {
    public static final String HEADER = "X-Correlation-Id";

    private Correlation() {
    }

    public static UUID from(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header.trim());
            } catch (IllegalArgumentException ignored) {
                // not ours to trust: start a new chain
            }
        }
        return UUID.randomUUID();
    }
}
