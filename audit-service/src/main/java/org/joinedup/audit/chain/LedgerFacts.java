package org.joinedup.audit.chain;

import org.joinedup.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The facts of one ledger entry that its hashes cover: the CloudEvents envelope and the payload, no
 * more. What the ledger adds on ingest (when it recorded the entry, the Kafka coordinates) is not
 * evidence and is not hashed, so a ledger rebuilt from Kafka has the same hashes.
 *
 * <p>The canonical bytes are RFC 8785 (JSON Canonicalization Scheme) over an object with the
 * CloudEvents attribute names: {@code id, source, type, subject, time, schemaversion, agencyid,
 * actorid, correlationid, causationid, recordedat, data}. Instants have at most microsecond precision
 * (what PostgreSQL keeps) and are written as ISO-8601 in UTC; absent attributes are JSON null.
 */
public record LedgerFacts(UUID eventId, String source, String type, String subject, Instant time, int schemaVersion,
                          String agencyId, String actorId, UUID correlationId, UUID causationId, Instant recordedAt,
                          String payloadJson) {
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
    private static final int[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    /** 10000-01-01T00:00:00Z: from here on {@code Instant.toString} writes a sign before the year. */
    private static final long LAST_FAST_SECOND = 253_402_300_800L;

    public LedgerFacts {
        time = micros(time);
        recordedAt = micros(recordedAt);
    }

    /** The ledger_entry columns {@link #read} takes, in its order. */
    public static final String COLUMNS = "event_id, source, event_type, subject, occurred_at, schema_version, "
            + "agency_id, actor_id, correlation_id, causation_id, source_recorded_at, payload::text";

    /** The facts of a ledger row whose {@link #COLUMNS} start at column {@code first}. */
    public static LedgerFacts read(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        java.sql.Timestamp recorded = rs.getTimestamp(first + 10);
        return new LedgerFacts(rs.getObject(first, UUID.class), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getTimestamp(first + 4).toInstant(), rs.getInt(first + 5),
                rs.getString(first + 6), rs.getString(first + 7), rs.getObject(first + 8, UUID.class),
                rs.getObject(first + 9, UUID.class), recorded == null ? null : recorded.toInstant(),
                rs.getString(first + 11));
    }

    public static LedgerFacts of(EventEnvelope e, String payloadJson) {
        return new LedgerFacts(e.id(), e.source(), e.type(), e.subject(), e.time(), e.schemaVersion(), e.agencyId(),
                e.actorId(), e.correlationId(), e.causationId(), e.recordedAt(), payloadJson);
    }

    /** The RFC 8785 canonical JSON, UTF-8: the bytes the hashes are taken over. */
    public byte[] canonicalBytes() {
        return canonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    public String canonicalJson() {
        // RFC 8785 orders members by their names' UTF-16 code units. The envelope's names are fixed,
        // so they are written in that order directly; only the payload needs canonicalising.
        StringBuilder json = new StringBuilder(256 + payloadJson.length());
        json.append("{\"actorid\":");
        string(json, actorId);
        json.append(",\"agencyid\":");
        string(json, agencyId);
        json.append(",\"causationid\":");
        string(json, causationId == null ? null : causationId.toString());
        json.append(",\"correlationid\":");
        string(json, correlationId == null ? null : correlationId.toString());
        json.append(",\"data\":");
        CanonicalJson.write(payloadJson, json);
        json.append(",\"id\":");
        string(json, eventId.toString());
        json.append(",\"recordedat\":");
        instant(json, recordedAt);
        json.append(",\"schemaversion\":").append(schemaVersion);
        json.append(",\"source\":");
        string(json, source);
        json.append(",\"subject\":");
        string(json, subject);
        json.append(",\"time\":");
        instant(json, time);
        json.append(",\"type\":");
        string(json, type);
        return json.append('}').toString();
    }

    /** A JSON string as RFC 8785 writes it (or null): only quote, backslash and control characters escaped. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(value, from, i);
                escape(out, c);
                from = i + 1;
            }
        }
        out.append(value, from, value.length()).append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
        }
    }

    /**
     * An instant as a JSON string, exactly as {@link Instant#toString()} writes it (ISO-8601 in UTC; the
     * fraction in groups of three digits, none when it is zero), without the formatter's cost for the
     * years 1970 to 9999; other instants are left to {@code toString}.
     */
    static void instant(StringBuilder out, Instant t) {
        if (t == null) {
            out.append("null");
            return;
        }
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds >= LAST_FAST_SECOND) {
            string(out, t.toString());
            return;
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        out.append('"');
        digits(out, d.getYear(), 4);
        digits(out.append('-'), d.getMonthValue(), 2);
        digits(out.append('-'), d.getDayOfMonth(), 2);
        digits(out.append('T'), d.getHour(), 2);
        digits(out.append(':'), d.getMinute(), 2);
        digits(out.append(':'), d.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append("Z\"");
    }

    private static void digits(StringBuilder out, int value, int width) {
        for (int scale = POWERS[width - 1]; scale > 0; scale /= 10) {
            out.append((char) ('0' + value / scale % 10));
        }
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
