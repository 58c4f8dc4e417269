package org.joinedup.platform.http;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure of a dependency the caller can wait out (the database unreachable, restarting, out
 * of connections; a serialization failure) from a fault in the service. The former answers
 * {@code 503} with {@code Retry-After}, so an agency system retries with its {@code Idempotency-Key}
 * instead of giving up on a request that may yet succeed; the latter stays a {@code 500}.
 */
public final class Unavailable {
    /** Seconds a client is asked to wait when a dependency is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** SQLState classes and codes that say "not now" rather than "never": connection exceptions,
     * insufficient resources, operator intervention (shutdown, recovery), serialization failure, deadlock. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    private Unavailable() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (TRANSIENT_STATES.contains(state)
                        || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2))))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                // Agroal's pool: no SQLState when no connection could be had in time.
                if (message.contains("acquisition timeout") || message.contains("connection is closed")
                        || message.contains("this connection has been closed")) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getName().equals("org.apache.kafka.common.errors.TimeoutException")) {
                return true;
            }
        }
        return false;
    }

    public static ProblemException problem() {
        return new ProblemException(Problem.of(503, "service-unavailable", "Service unavailable",
                "a service this request needs is not available just now; nothing partial was stored. Retry after "
                        + RETRY_AFTER_SECONDS + " s (with the same Idempotency-Key for a POST)", List.of()),
                Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }
}
