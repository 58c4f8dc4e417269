package org.joinedup.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes travel as {@code ce_}
 * headers, the payload as the record value ({@code content-type: application/json}).
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SCHEMAVERSION = "ce_schemaversion";
    public static final String CE_AGENCYID = "ce_agencyid";
    public static final String CE_ACTORID = "ce_actorid";
    public static final String CE_CORRELATIONID = "ce_correlationid";
    public static final String CE_CAUSATIONID = "ce_causationid";
    public static final String CE_RECORDEDAT = "ce_recordedat";
    /**
     * Extension {@code streamid}: the producer's event-store stream the event belongs to. With
     * {@link #CE_STREAMVERSION} it lets a consumer see a missing or out-of-order event of a stream.
     * Set by the outbox relay; not part of {@link EventEnvelope}.
     */
    public static final String CE_STREAMID = "ce_streamid";
    /** Extension {@code streamversion}: the event's position in its stream, from 1. */
    public static final String CE_STREAMVERSION = "ce_streamversion";

    private CloudEventHeaders() {
    }

    /** The headers for one event, in a stable order; absent optional attributes are left out. */
    public static Map<String, byte[]> toHeaders(EventEnvelope e) {
        Map<String, byte[]> h = new LinkedHashMap<>();
        put(h, CE_SPECVERSION, SPEC_VERSION);
        put(h, CE_ID, e.id().toString());
        put(h, CE_SOURCE, e.source());
        put(h, CE_TYPE, e.type());
        put(h, CE_SUBJECT, e.subject());
        put(h, CE_TIME, e.time().toString());
        put(h, CONTENT_TYPE, JSON);
        put(h, CE_SCHEMAVERSION, Integer.toString(e.schemaVersion()));
        put(h, CE_AGENCYID, e.agencyId());
        put(h, CE_ACTORID, e.actorId());
        put(h, CE_CORRELATIONID, e.correlationId() == null ? null : e.correlationId().toString());
        put(h, CE_CAUSATIONID, e.causationId() == null ? null : e.causationId().toString());
        put(h, CE_RECORDEDAT, e.recordedAt() == null ? null : e.recordedAt().toString());
        return h;
    }

    /**
     * Reads the envelope back from headers.
     *
     * @throws MalformedEventException naming the attribute that is missing or malformed
     */
    public static EventEnvelope fromHeaders(Map<String, byte[]> headers) {
        String specVersion = optional(headers, CE_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("ce_specversion must be 1.0 but was " + specVersion);
        }
        String schemaVersion = required(headers, CE_SCHEMAVERSION);
        int version;
        try {
            version = Integer.parseInt(schemaVersion);
        } catch (NumberFormatException ex) {
            throw new MalformedEventException("ce_schemaversion is not a number");
        }
        try {
            return new EventEnvelope(
                    uuid(headers, CE_ID, true),
                    required(headers, CE_SOURCE),
                    required(headers, CE_TYPE),
                    optional(headers, CE_SUBJECT),
                    Instant.parse(required(headers, CE_TIME)),
                    version,
                    optional(headers, CE_AGENCYID),
                    optional(headers, CE_ACTORID),
                    uuid(headers, CE_CORRELATIONID, false),
                    uuid(headers, CE_CAUSATIONID, false),
                    instant(headers, CE_RECORDEDAT));
        } catch (DateTimeParseException ex) {
            throw new MalformedEventException("ce_time or ce_recordedat is not an RFC 3339 timestamp");
        } catch (IllegalArgumentException ex) {
            if (ex instanceof MalformedEventException m) {
                throw m;
            }
            throw new MalformedEventException("malformed envelope: " + ex.getMessage());
        }
    }

    private static Instant instant(Map<String, byte[]> h, String name) {
        String v = optional(h, name);
        return v == null ? null : Instant.parse(v);
    }

    private static void put(Map<String, byte[]> h, String name, String value) {
        if (value != null) {
            h.put(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String optional(Map<String, byte[]> h, String name) {
        byte[] v = h.get(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private static String required(Map<String, byte[]> h, String name) {
        String v = optional(h, name);
        if (v == null || v.isBlank()) {
            throw new MalformedEventException(name + " header is missing");
        }
        return v;
    }

    private static UUID uuid(Map<String, byte[]> h, String name, boolean required) {
        String v = required ? required(h, name) : optional(h, name);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException ex) {
            throw new MalformedEventException(name + " is not a UUID");
        }
    }
}
