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
    /** One digest per thread, reset by each use: looking one up costs more than hashing a short entry. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private HashChain() {
    }

    public static String next(String previousHash, byte[] canonicalBytes) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        sha256.update(HEX.parseHex(previousHash == null ? GENESIS : previousHash));
        sha256.update(canonicalBytes);
        return HEX.formatHex(sha256.digest());
    }
}
