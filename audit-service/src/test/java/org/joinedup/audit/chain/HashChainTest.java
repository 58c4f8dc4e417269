package org.joinedup.audit.chain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The canonical bytes and the chain rule, against a vector computed independently (Python's hashlib
 * over the RFC 8785 text written out by hand), so the documented procedure and the code agree.
 */
class HashChainTest {
    static final LedgerFacts FACTS = new LedgerFacts(UUID.fromString("00000000-0000-4000-8000-000000000001"),
            "/concern-service", "concern-raised", "c0000000-0000-4000-8000-000000000003",
            Instant.parse("2026-11-20T22:00:00Z"), 1, "met-police", "pc-4471",
            UUID.fromString("00000000-0000-4000-8000-000000000002"), null,
            Instant.parse("2026-11-20T22:00:01.123456789Z"), "{ \"b\": 1.0, \"a\": \"\\u00e9\" }");
    static final String CANONICAL = "{\"actorid\":\"pc-4471\",\"agencyid\":\"met-police\",\"causationid\":null,"
            + "\"correlationid\":\"00000000-0000-4000-8000-000000000002\",\"data\":{\"a\":\"é\",\"b\":1},"
            + "\"id\":\"00000000-0000-4000-8000-000000000001\",\"recordedat\":\"2026-11-20T22:00:01.123456Z\","
            + "\"schemaversion\":1,\"source\":\"/concern-service\",\"subject\":\"c0000000-0000-4000-8000-000000000003\","
            + "\"time\":\"2026-11-20T22:00:00Z\",\"type\":\"concern-raised\"}";

    @Test
    void canonical_json_sorts_keys_drops_whitespace_normalises_numbers_and_escapes_and_keeps_microseconds() {
        assertEquals(CANONICAL, FACTS.canonicalJson());
    }

    @Test
    void each_hash_covers_the_previous_hash_and_the_canonical_bytes() {
        String first = HashChain.next(HashChain.GENESIS, FACTS.canonicalBytes());
        assertEquals("b433f900154be7bfd47b3f7b89c2b4a6bd69ae761b5a5771da77752cda438c1b", first);
        assertEquals("b3dcbc846266bba330b954453115e9d0dc862575683c2b38d2c7b002d6da59f3",
                HashChain.next(first, FACTS.canonicalBytes()));
    }

    @Test
    void any_change_to_the_facts_changes_the_hash() {
        String original = HashChain.next(HashChain.GENESIS, FACTS.canonicalBytes());
        LedgerFacts changed = new LedgerFacts(FACTS.eventId(), FACTS.source(), FACTS.type(), FACTS.subject(),
                FACTS.time(), 1, "whittington-health", FACTS.actorId(), FACTS.correlationId(), null,
                FACTS.recordedAt(), FACTS.payloadJson());
        assertNotEquals(original, HashChain.next(HashChain.GENESIS, changed.canonicalBytes()));
    }
}
