package org.joinedup.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.platform.kafka.Backoff;
import org.joinedup.platform.kafka.KafkaSettings;
import org.joinedup.platform.kafka.TopicProvisioner;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.EventsAppended;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka and deletes each row only after the broker acknowledged it
 * ({@code acks=all}, idempotent producer). Rows are claimed in id order with
 * {@code FOR UPDATE SKIP LOCKED} inside one transaction per batch, so a row whose transaction
 * committed late is simply claimed by a later batch: nothing is skipped. Several instances' relays
 * share the outbox this way; a row whose message key has an earlier row held by another relay waits
 * for it ({@link #inKeyOrder}), so each key's events reach their partition in order. If the broker fails, the
 * batch rolls back and is retried after a back-off; the consumers' idempotency absorbs the duplicates
 * a retry may cause. The relay is woken in-process after each commit that appended events (it observes
 * {@link EventsAppended} after success), and also polls, which finds rows another instance appended. (It used to be
 * woken by NOTIFY; PostgreSQL serialises the commits of notifying transactions, see
 * docs/performance.md.)
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final boolean enabled;
    private final int batchSize;
    private final Duration pollInterval;
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant lastSuccess;
    private volatile int consecutiveFailures;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(DataSource dataSource, KafkaSettings kafka, TopicProvisioner topics, MeterRegistry registry,
                       @ConfigProperty(name = "joinedup.outbox.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "joinedup.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "joinedup.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.topics = topics;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.published = registry.counter("joinedup.outbox.published");
        this.failures = registry.counter("joinedup.outbox.publish.failures");
        registry.gauge("joinedup.outbox.pending", this, OutboxRelay::pendingOrMinusOne);
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            LOG.info("outbox relay disabled (joinedup.outbox.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        closeProducer();
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        while (running) {
            try {
                int sent = publishBatch();
                consecutiveFailures = 0;
                lastSuccess = Instant.now();
                backoff.reset();
                if (sent < batchSize) {
                    awaitWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!running) {
                    return;
                }
            } catch (RuntimeException | SQLException e) {
                consecutiveFailures++;
                failures.increment();
                closeProducer();
                long delay = backoff.nextDelayMillis();
                LOG.warnf("outbox relay: publishing failed (%s: %s); retrying in %d ms",
                        e.getClass().getSimpleName(), e.getMessage(), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    if (!running) {
                        return;
                    }
                }
            }
        }
    }

    /** Publishes up to one batch; returns how many rows it published. */
    int publishBatch() throws InterruptedException, SQLException {
        return QuarkusTransaction.requiringNew()
                .timeout((int) kafka.deliveryTimeout().toSeconds() + 30)
                .call(this::publishClaimedRows);
    }

    private int publishClaimedRows() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Batch batch = inKeyOrder(c, claim(c, batchSize));
            List<Long> ids = batch.ids();
            List<ProducerRecord<String, String>> records = batch.records();
            Set<String> topicNames = new TreeSet<>();
            records.forEach(r -> topicNames.add(r.topic()));
            if (ids.isEmpty()) {
                return 0;
            }
            topics.ensure(topicNames);
            KafkaProducer<String, String> p = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> record : records) {
                acks.add(p.send(record));
            }
            p.flush();
            long deadline = System.nanoTime() + kafka.deliveryTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            try (PreparedStatement delete = c.prepareStatement("delete from outbox where id = any(?)")) {
                delete.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
            published.increment(ids.size());
            return ids.size();
        }
    }

    /** Outbox rows claimed by one transaction, in id order, as the records to publish. */
    public record Batch(List<Long> ids, List<ProducerRecord<String, String>> records) {
    }

    /** Claims up to {@code limit} rows no other transaction holds, lowest ids first; they stay locked until commit. */
    public static Batch claim(Connection c, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
            claim.setInt(1, limit);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                    RecordHeaders headers = new RecordHeaders();
                    CloudEventHeaders.toHeaders(EventStore.envelope(rs)).forEach(headers::add);
                    headers.add(CloudEventHeaders.CE_STREAMID, rs.getString("stream_id").getBytes(StandardCharsets.UTF_8));
                    headers.add(CloudEventHeaders.CE_STREAMVERSION,
                            Integer.toString(rs.getInt("stream_version")).getBytes(StandardCharsets.UTF_8));
                    records.add(new ProducerRecord<>(rs.getString("topic"), null, rs.getString("message_key"),
                            rs.getString("payload"), headers));
                }
            }
        }
        return new Batch(ids, records);
    }

    private static final String CLAIM = """
            select o.id, o.topic, o.message_key, e.event_id, e.event_type, e.schema_version, e.subject,
                   e.metadata::text as metadata, e.occurred_at, e.recorded_at,
                   e.payload::text as payload, e.stream_id, e.stream_version
            from outbox o join event_store e on e.event_id = o.event_id
            order by o.id
            limit ?
            for update of o skip locked""";

    /**
     * The claimed rows that may be published now. A row whose message key has a lower outbox id left
     * outside the batch (claimed by another instance's relay and not yet published: rows deleted by a
     * committed relay are gone, uncommitted appends are invisible) waits for it, so each key's events
     * reach their partition in order however many relays share the outbox. With a single relay
     * nothing is held elsewhere and the batch is kept whole.
     */
    public static Batch inKeyOrder(Connection c, Batch claimed) throws SQLException {
        Object[] keys = claimed.records().stream().map(ProducerRecord::key).filter(java.util.Objects::nonNull).distinct().toArray();
        if (keys.length == 0) {
            return claimed;
        }
        Map<String, Long> heldElsewhere = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select message_key, min(id) from outbox "
                + "where message_key = any(?) and id < ? and id <> all(?) group by message_key")) {
            ps.setArray(1, c.createArrayOf("text", keys));
            ps.setLong(2, java.util.Collections.max(claimed.ids()));
            ps.setArray(3, c.createArrayOf("bigint", claimed.ids().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heldElsewhere.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        if (heldElsewhere.isEmpty()) {
            return claimed;
        }
        List<Long> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < claimed.ids().size(); i++) {
            ProducerRecord<String, String> record = claimed.records().get(i);
            Long earlier = record.key() == null ? null : heldElsewhere.get(record.key());
            if (earlier == null || earlier > claimed.ids().get(i)) {
                ids.add(claimed.ids().get(i));
                records.add(record);
            }
        }
        return new Batch(ids, records);
    }

    /** Waits until a commit in this instance appended events, or the poll interval passes. */
    private void awaitWork() throws InterruptedException {
        if (work.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            work.drainPermits();
        }
    }

    /** Called after a transaction that appended events committed: publish now, not at the next poll. */
    public void wake() {
        work.release();
    }

    /** Events were appended in a transaction that has now committed: wake the relay. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsAppended appended) {
        wake();
    }

    private final java.util.concurrent.Semaphore work = new java.util.concurrent.Semaphore(0);

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = org.joinedup.platform.kafka.KafkaClients.reliableProducer(kafka, "outbox-relay");
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing producer", e);
            }
            producer = null;
        }
    }

    private double pendingOrMinusOne() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from outbox")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
