package org.joinedup.audit.checkpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Signed checkpoints of the ledger's head: the key pair, how often, and where they are published. */
@ConfigMapping(prefix = "joinedup.audit.checkpoint")
public interface CheckpointSettings {
    /** Ed25519 private key, base64 PKCS#8; without it no checkpoints are signed. */
    @WithName("private-key")
    Optional<String> privateKey();

    /** Ed25519 public key, base64 X.509: what inspectors check signatures with. */
    @WithName("public-key")
    Optional<String> publicKey();

    @WithDefault("PT1M")
    Duration interval();

    /** The single-partition topic checkpoints are published to: a copy outside the ledger's database. */
    @WithDefault("audit.checkpoints")
    String topic();
}
