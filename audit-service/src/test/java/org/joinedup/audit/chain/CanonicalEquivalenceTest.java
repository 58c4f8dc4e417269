package org.joinedup.audit.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The canonical JSON is written directly for the envelope (for speed) and must equal what the
 * RFC 8785 library makes of the whole object, for any text in any attribute: checked on thousands of
 * generated entries with quotes, backslashes, control characters and non-ASCII text.
 */
class CanonicalEquivalenceTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String reference(LedgerFacts f) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", f.eventId().toString());
        o.put("source", f.source());
        o.put("type", f.type());
        o.put("subject", f.subject());
        o.put("time", f.time().toString());
        o.put("schemaversion", f.schemaVersion());
        o.put("agencyid", f.agencyId());
        o.put("actorid", f.actorId());
        o.put("correlationid", f.correlationId() == null ? null : f.correlationId().toString());
        o.put("causationid", f.causationId() == null ? null : f.causationId().toString());
        o.put("recordedat", f.recordedAt() == null ? null : f.recordedAt().toString());
        o.set("data", JSON.readTree(f.payloadJson()));
        return new JsonCanonicalizer(JSON.writeValueAsString(o)).getEncodedString();
    }

    static String text(Random r) {
        return r.nextInt(8) == 0 ? null : CanonicalJsonTest.text(r, 12);
    }

    @Test
    void the_direct_writer_equals_the_library_on_generated_entries() throws Exception {
        Random r = new Random(8785);
        for (int i = 0; i < 3000; i++) {
            ObjectNode payload = JSON.createObjectNode();
            payload.put("description", text(r));
            payload.put("n", r.nextInt(1000) - 500);
            payload.put("x", r.nextDouble() * Math.pow(10, r.nextInt(30) - 10));
            payload.putObject("nested").put(text(r) == null ? "k" : "k" + r.nextInt(9), text(r)).put("a", 1.0);
            LedgerFacts f = new LedgerFacts(UUID.randomUUID(), text(r) == null ? "/s" : text(r), "concern-raised",
                    text(r), Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1_000_000), r.nextInt(1_000_000_000)),
                    1 + r.nextInt(3), text(r), text(r), r.nextBoolean() ? UUID.randomUUID() : null,
                    r.nextBoolean() ? UUID.randomUUID() : null,
                    r.nextBoolean() ? null : Instant.ofEpochSecond(1_700_000_000L, r.nextInt(1_000_000_000)),
                    JSON.writeValueAsString(payload));
            assertEquals(reference(f), f.canonicalJson(), "entry " + i);
        }
    }
}
