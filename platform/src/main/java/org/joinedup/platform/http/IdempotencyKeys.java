package org.joinedup.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.joinedup.events.EventJson;

import javax.sql.DataSource;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST. A caller (an agency system retrying after a timeout, say) that
 * sends the same key with the same request gets the first answer again and nothing new is stored;
 * the same key with a different request is refused with 422. The answer is recorded in the same
 * transaction as the change, so a failed request leaves the key unused. Keys are scoped per agency
 * and per operation.
 *
 * <p>A retry that arrives while the first attempt with its key is still running waits for nothing:
 * it answers {@code 409 idempotency-key-in-progress} with {@code Retry-After} at once. Waiting on the
 * first attempt's uncommitted row held a pooled connection per retry; under overload the retries
 * drained the pool and every request failed (issue 16). A transaction-scoped advisory lock on the
 * key, tried without waiting, tells a running first attempt from a finished one.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String KEY_PATTERN = "[A-Za-z0-9._:-]{1,200}";
    private static final ObjectMapper JSON = EventJson.mapper();
    /** Seconds a client is asked to wait before retrying a key whose first attempt is still running. */
    static final int IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

    private final DataSource dataSource;

    public IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a first request answered. */
    public record Answer(int status, String location, String etag, Object body) {
    }

    /**
     * Runs {@code work} once per key, in the caller's transaction. Without a key it just runs it.
     *
     * @param scope   the agency and operation, e.g. {@code met-police POST /concerns}
     * @param request the parsed request, fingerprinted to tell a retry from a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String scope, Object request, Supplier<Answer> work) {
        if (key == null) {
            return toResponse(work.get());
        }
        if (!key.matches(KEY_PATTERN)) {
            throw ProblemException.invalid(HEADER, "idempotency-key-format",
                    "must be 1 to 200 letters, digits and . _ : - (a UUID is a good key)");
        }
        String fingerprint = fingerprint(request);
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c, scope, key)) {
                throw inProgress();
            }
            if (claim(c, scope, key, fingerprint)) {
                Answer answer = work.get();
                store(c, scope, key, answer);
                return toResponse(answer);
            }
            return replay(c, scope, key, fingerprint);
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency keys unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The SQL that takes a key's lock for the rest of the transaction if nobody holds it. */
    public static final String TRY_LOCK = "select pg_try_advisory_xact_lock(hashtextextended(? || ' ' || ?, 16))";

    private static boolean tryLock(Connection c, String scope, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRY_LOCK)) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static ProblemException inProgress() {
        return new ProblemException(Problem.of(409, "idempotency-key-in-progress", "A request with this key is still running",
                "the first request with this Idempotency-Key has not finished; retry with the same key after "
                        + IN_PROGRESS_RETRY_AFTER_SECONDS + " s to get its answer",
                List.of(new FieldViolation(HEADER, "idempotency-key-in-progress", "is in use by a request still running"))),
                java.util.Map.of("Retry-After", String.valueOf(IN_PROGRESS_RETRY_AFTER_SECONDS)));
    }

    private static boolean claim(Connection c, String scope, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into idempotency_key (scope, key, fingerprint, status, body) values (?, ?, ?, 0, '')
                on conflict (scope, key) do nothing""")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setString(3, fingerprint);
            return ps.executeUpdate() == 1;
        }
    }

    private static void store(Connection c, String scope, String key, Answer answer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update idempotency_key set status = ?, location = ?, etag = ?, body = ? where scope = ? and key = ?")) {
            ps.setInt(1, answer.status());
            ps.setString(2, answer.location());
            ps.setString(3, answer.etag());
            ps.setString(4, JSON.writeValueAsString(answer.body()));
            ps.setString(5, scope);
            ps.setString(6, key);
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the answer", e);
        }
    }

    private static Response replay(Connection c, String scope, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select fingerprint, status, location, etag, body from idempotency_key where scope = ? and key = ?")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getString(1).equals(fingerprint)) {
                    throw ProblemException.unprocessable(HEADER, "idempotency-key-reused",
                            "this key was already used for a different request; use a new key for a new request");
                }
                Response.ResponseBuilder r = Response.status(rs.getInt(2)).header(REPLAYED, "true")
                        .type("application/json").entity(rs.getString(5));
                Optional.ofNullable(rs.getString(3)).ifPresent(l -> r.location(URI.create(l)));
                Optional.ofNullable(rs.getString(4)).ifPresent(t -> r.header("ETag", t));
                return r.build();
            }
        }
    }

    private static Response toResponse(Answer answer) {
        Response.ResponseBuilder r = Response.status(answer.status()).entity(answer.body());
        if (answer.location() != null) {
            r.location(URI.create(answer.location()));
        }
        if (answer.etag() != null) {
            r.header("ETag", answer.etag());
        }
        return r.build();
    }

    private static String fingerprint(Object request) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(JSON.valueToTree(request));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
