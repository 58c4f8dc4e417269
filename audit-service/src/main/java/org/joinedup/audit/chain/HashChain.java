package org.joinedup.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain rule: an entry's hash is SHA-256 over the previous entry's hash (its 32 bytes) followed
 * by the entry's canonical bytes; the first entry of a chain follows {@link #GENESIS}, 32 zero bytes.
 * Hashes are written as 64 lower-case hex digits. The same rule builds the ledger's global chain and
 * each child's chain; an inspector can recompute it with any SHA-256 tool.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {
    }

    public static String next(String previousHash, byte[] canonicalBytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HEX.parseHex(previousHash == null ? GENESIS : previousHash));
            sha256.update(canonicalBytes);
            return HEX.formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
