package org.joinedup.audit.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement of the ledger's head: at sequence {@code seq} the ledger's chain hash was
 * {@code headHash}. The signature (Ed25519, base64) covers the RFC 8785 canonical JSON of
 * {@code {seq, headHash, signedAt, keyId}}.
 */
public record Checkpoint(long seq, String headHash, Instant signedAt, String keyId, String signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", seq);
        o.put("headHash", headHash);
        o.put("signedAt", signedAt.toString());
        o.put("keyId", keyId);
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(o)).getEncodedString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String toJson() {
        try {
            return org.joinedup.events.EventJson.mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Checkpoint fromJson(String json) {
        try {
            return org.joinedup.events.EventJson.mapper().readValue(json, Checkpoint.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }
}
