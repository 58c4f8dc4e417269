package org.joinedup.audit.checkpoint;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.platform.kafka.KafkaClients;
import org.joinedup.platform.kafka.KafkaSettings;
import org.joinedup.platform.kafka.TopicProvisioner;

import javax.sql.DataSource;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs the ledger's head at intervals and publishes each checkpoint to a Kafka topic, outside the
 * ledger's database. Someone able to rewrite the whole chain in the database (recomputing every hash)
 * still cannot change what was published and signed: checking the ledger against the published
 * checkpoints finds the rewrite. A checkpoint is signed only when the head moved.
 */
@ApplicationScoped
public class Checkpoints {
    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    private final DataSource dataSource;
    private final CheckpointSettings settings;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    public Checkpoints(DataSource dataSource, CheckpointSettings settings, KafkaSettings kafka, TopicProvisioner topics,
                       Clock clock, @ConfigProperty(name = "joinedup.consumers.enabled", defaultValue = "true") boolean enabled) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** One published checkpoint and what checking it against the ledger found. */
    public record Checked(Checkpoint checkpoint, boolean signatureValid, String ledgerHashAtSeq, boolean matchesLedger) {
    }

    /** Every published checkpoint, oldest first, each checked; and whether all hold. */
    public record Report(boolean configured, String algorithm, String keyId, String publicKey, int checkpoints,
                         boolean allHold, Checked firstFailure, List<Checked> checked) {
    }

    /** A short id of the public key: the first 16 hex digits of its SHA-256. */
    public String keyId() {
        return settings.publicKey().filter(k -> !k.isBlank()).map(k -> {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(k)))
                        .substring(0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(null);
    }

    boolean configured() {
        return settings.privateKey().filter(k -> !k.isBlank()).isPresent()
                && settings.publicKey().filter(k -> !k.isBlank()).isPresent();
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        if (!configured()) {
            LOG.warn("no checkpoint key pair configured (JOINEDUP_AUDIT_CHECKPOINT_PRIVATE_KEY/_PUBLIC_KEY): the ledger's "
                    + "head is not signed, so a rewrite of the whole chain would not be detectable");
            return;
        }
        running = true;
        thread = new Thread(this::run, "ledger-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        long lastSeq = -1;
        KafkaProducer<String, String> producer = null;
        long nextAt = 0;
        while (running) {
            try {
                if (System.currentTimeMillis() >= nextAt) {
                    if (producer == null) {
                        topics.ensure(List.of(settings.topic()), 1);
                        producer = KafkaClients.reliableProducer(kafka, "ledger-checkpoints");
                    }
                    lastSeq = signIfMoved(producer, lastSeq);
                    nextAt = System.currentTimeMillis() + settings.interval().toMillis();
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | SQLException | GeneralSecurityException e) {
                LOG.warnf("ledger checkpoints: signing or publishing failed (%s); retrying", e.getClass().getSimpleName());
                nextAt = System.currentTimeMillis() + 1000;
                if (producer != null) {
                    closeQuietly(producer);
                    producer = null;
                }
            }
        }
        if (producer != null) {
            closeQuietly(producer);
        }
    }

    private long signIfMoved(KafkaProducer<String, String> producer, long lastSeq)
            throws SQLException, GeneralSecurityException {
        long seq;
        String head;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, entry_hash from ledger_entry order by seq desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return lastSeq;
            }
            seq = rs.getLong(1);
            head = rs.getString(2);
        }
        if (seq == lastSeq) {
            return lastSeq;
        }
        Checkpoint unsigned = new Checkpoint(seq, head, clock.instant(), keyId(), null);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey());
        signer.update(unsigned.signedBytes());
        Checkpoint signed = new Checkpoint(seq, head, unsigned.signedAt(), unsigned.keyId(),
                Base64.getEncoder().encodeToString(signer.sign()));
        try {
            producer.send(new ProducerRecord<>(settings.topic(), 0, Long.toString(seq), signed.toJson())).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the broker did not acknowledge the checkpoint", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastSeq;
        }
        LOG.infof("ledger checkpoint: seq %d head %s signed with key %s", seq, head, signed.keyId());
        return seq;
    }

    /** Reads every published checkpoint and checks each: its signature, and the ledger's hash at its seq. */
    public Report check() {
        if (!configured()) {
            return new Report(false, "Ed25519", null, null, 0, false, null, List.of());
        }
        List<Checked> checked = new ArrayList<>();
        Checked firstFailure = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select entry_hash from ledger_entry where seq = ?")) {
            for (Checkpoint cp : published()) {
                ps.setLong(1, cp.seq());
                String atSeq;
                try (ResultSet rs = ps.executeQuery()) {
                    atSeq = rs.next() ? rs.getString(1) : null;
                }
                Checked one = new Checked(cp, valid(cp), atSeq, cp.headHash().equals(atSeq));
                checked.add(one);
                if (firstFailure == null && !(one.signatureValid() && one.matchesLedger())) {
                    firstFailure = one;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger (SQLState " + e.getSQLState() + ")", e);
        }
        return new Report(true, "Ed25519", keyId(), settings.publicKey().orElseThrow(), checked.size(),
                firstFailure == null, firstFailure, checked);
    }

    private List<Checkpoint> published() {
        TopicPartition tp = new TopicPartition(settings.topic(), 0);
        List<Checkpoint> found = new ArrayList<>();
        try {
            topics.ensure(List.of(settings.topic()), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return found;
        }
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka, "ledger-checkpoint-check")) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    found.add(Checkpoint.fromJson(r.value()));
                }
            }
        }
        return found;
    }

    private boolean valid(Checkpoint cp) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey());
            verifier.update(cp.signedBytes());
            return verifier.verify(Base64.getDecoder().decode(cp.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private PrivateKey privateKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(settings.privateKey().orElseThrow())));
    }

    private PublicKey publicKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(settings.publicKey().orElseThrow())));
    }

    private static void closeQuietly(KafkaProducer<String, String> producer) {
        try {
            producer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("ledger checkpoints: closing the producer: %s", e.getClass().getSimpleName());
        }
    }
}
