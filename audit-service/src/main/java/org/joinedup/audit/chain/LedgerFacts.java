package org.joinedup.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.joinedup.events.EventEnvelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    public LedgerFacts {
        time = micros(time);
        recordedAt = micros(recordedAt);
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
        ObjectNode o = JSON.createObjectNode();
        o.put("id", eventId.toString());
        o.put("source", source);
        o.put("type", type);
        o.put("subject", subject);
        o.put("time", time.toString());
        o.put("schemaversion", schemaVersion);
        o.put("agencyid", agencyId);
        o.put("actorid", actorId);
        o.put("correlationid", correlationId == null ? null : correlationId.toString());
        o.put("causationid", causationId == null ? null : causationId.toString());
        o.put("recordedat", recordedAt == null ? null : recordedAt.toString());
        try {
            JsonNode data = JSON.readTree(payloadJson);
            o.set("data", data);
            return new JsonCanonicalizer(JSON.writeValueAsString(o)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload is not JSON", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise the entry", e);
        }
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
