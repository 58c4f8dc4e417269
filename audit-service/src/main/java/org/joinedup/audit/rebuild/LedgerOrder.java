package org.joinedup.audit.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.UUID;

/**
 * One message of the ledger-order topic: the ledger's entry {@code seq} is the event {@code eventId},
 * read from {@code topic}/{@code partition} at {@code offset}, and its hash was {@code entryHash}.
 */
public record LedgerOrder(long seq, UUID eventId, String topic, int partition, long offset, String entryHash) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LedgerOrder fromJson(String json) {
        try {
            return JSON.readValue(json, LedgerOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a ledger-order message: " + e.getOriginalMessage(), e);
        }
    }
}
