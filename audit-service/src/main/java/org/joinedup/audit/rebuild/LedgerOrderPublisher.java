package org.joinedup.audit.rebuild;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.platform.kafka.KafkaClients;
import org.joinedup.platform.kafka.KafkaSettings;
import org.joinedup.platform.kafka.TopicProvisioner;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes the ledger's order, entry by entry in sequence, to a single-partition topic: which event
 * each entry is and where it was read from. A rebuild follows it to append the same events in the
 * same order, which is what makes the rebuilt hashes equal. Progress is kept in
 * {@code ledger_order_published} and moved only after the broker acknowledged, so a crash republishes
 * (a rebuild skips repeats) and never skips.
 */
@ApplicationScoped
public class LedgerOrderPublisher {
    private static final Logger LOG = Logger.getLogger(LedgerOrderPublisher.class);
    private final DataSource dataSource;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final LedgerOrderSettings settings;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    public LedgerOrderPublisher(DataSource dataSource, KafkaSettings kafka, TopicProvisioner topics,
                                LedgerOrderSettings settings,
                                @ConfigProperty(name = "joinedup.consumers.enabled", defaultValue = "true") boolean enabled) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ledger-order-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false; // the loop notices within one interval; interrupting would break the producer's close
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        KafkaProducer<String, String> producer = null;
        while (running) {
            try {
                if (producer == null) {
                    topics.ensure(List.of(settings.orderTopic()), 1);
                    producer = KafkaClients.reliableProducer(kafka, "ledger-order-publisher");
                }
                if (publishBatch(producer) == 0) {
                    Thread.sleep(settings.interval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("ledger order: publishing failed (%s); retrying", e.getClass().getSimpleName());
                if (producer != null) {
                    producer.close(java.time.Duration.ofSeconds(1));
                    producer = null;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("ledger order: closing the producer: %s", e.getClass().getSimpleName());
            }
        }
    }

    /** Publishes the next entries in sequence; answers how many. */
    int publishBatch(KafkaProducer<String, String> producer) throws SQLException, InterruptedException {
        List<LedgerOrder> batch = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select seq, event_id, topic, kafka_partition, kafka_offset, entry_hash from ledger_entry
                     where seq > (select last_seq from ledger_order_published) order by seq limit 500""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                batch.add(new LedgerOrder(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getString(6)));
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<?>> sent = new ArrayList<>();
        for (LedgerOrder order : batch) {
            sent.add(producer.send(new ProducerRecord<>(settings.orderTopic(), 0, order.eventId().toString(), order.toJson())));
        }
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the broker did not acknowledge the ledger order", e.getCause());
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update ledger_order_published set last_seq = ? where id = 1")) {
            ps.setLong(1, batch.get(batch.size() - 1).seq());
            ps.executeUpdate();
        }
        return batch.size();
    }
}
