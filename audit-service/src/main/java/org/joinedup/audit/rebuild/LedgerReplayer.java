package org.joinedup.audit.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.joinedup.audit.chain.LedgerAppender;
import org.joinedup.platform.consume.ReceivedEvent;
import org.joinedup.platform.kafka.KafkaClients;
import org.joinedup.platform.kafka.KafkaSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a ledger from Kafka: follows a ledger-order topic from the beginning and, for each entry
 * in it, fetches the event from its source topic, partition and offset and appends it through
 * {@link LedgerAppender}, the path the live consumer takes. Because the same events are appended in
 * the same order, the rebuilt hashes equal the original ones; each is compared with the hash the
 * order recorded, and any difference is counted and logged. Each event is also marked processed for
 * the live consumer, so consumption that starts afterwards skips what the rebuild appended.
 */
@ApplicationScoped
public class LedgerReplayer {
    private static final Logger LOG = Logger.getLogger(LedgerReplayer.class);
    private final KafkaSettings kafka;
    private final Clock clock;

    public LedgerReplayer(KafkaSettings kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** What a rebuild did. */
    public record Replay(long orders, long appended, long alreadyThere, long mismatches, String head) {
    }

    public Replay replay(String orderTopic, DataSource target, String consumerName) {
        TopicPartition orderPartition = new TopicPartition(orderTopic, 0);
        long orders = 0;
        long appended = 0;
        long alreadyThere = 0;
        long mismatches = 0;
        long lastSeq = 0;
        String head = null;
        try (KafkaConsumer<String, String> orderReader = KafkaClients.reader(kafka, "ledger-rebuild-order");
             KafkaConsumer<String, String> sourceReader = KafkaClients.reader(kafka, "ledger-rebuild-source");
             Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            orderReader.assign(List.of(orderPartition));
            orderReader.seekToBeginning(List.of(orderPartition));
            long end = orderReader.endOffsets(List.of(orderPartition)).get(orderPartition);
            SourceRecords sources = new SourceRecords(sourceReader);
            while (orderReader.position(orderPartition) < end) {
                for (ConsumerRecord<String, String> message : orderReader.poll(Duration.ofMillis(500))) {
                    LedgerOrder order = LedgerOrder.fromJson(message.value());
                    orders++;
                    if (order.seq() <= lastSeq) {
                        continue; // published twice after a publisher restart
                    }
                    lastSeq = order.seq();
                    ReceivedEvent event = ReceivedEvent.from(sources.fetch(
                            new TopicPartition(order.topic(), order.partition()), order.offset()), true);
                    if (!markProcessed(c, consumerName, event)) {
                        alreadyThere++;
                        continue;
                    }
                    LedgerAppender.Appended entry = LedgerAppender.append(c, event, clock.instant());
                    appended++;
                    head = entry.entryHash();
                    if (!entry.entryHash().equals(order.entryHash())) {
                        mismatches++;
                        LOG.errorf("rebuild: entry %d (event %s) hashes to %s, the original was %s", order.seq(),
                                order.eventId(), entry.entryHash(), order.entryHash());
                    }
                    if (appended % 200 == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("rebuild failed (SQLState " + e.getSQLState() + ")", e);
        }
        LOG.infof("rebuild from %s: %d orders, %d appended, %d already there, %d hash mismatches", orderTopic, orders,
                appended, alreadyThere, mismatches);
        return new Replay(orders, appended, alreadyThere, mismatches, head);
    }

    private static boolean markProcessed(Connection c, String consumer, ReceivedEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into processed_message (consumer, event_id) values (?, ?) on conflict do nothing")) {
            ps.setString(1, consumer);
            ps.setObject(2, event.envelope().id());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Fetches source records by position. The order visits each partition's offsets upwards, so each
     * partition is read in batches and buffered; a seek happens only when the order jumps.
     */
    static final class SourceRecords {
        private final KafkaConsumer<String, String> consumer;
        private final Set<TopicPartition> assigned = new LinkedHashSet<>();
        private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, String>>> buffers = new HashMap<>();

        SourceRecords(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        ConsumerRecord<String, String> fetch(TopicPartition tp, long offset) {
            if (assigned.add(tp)) {
                consumer.assign(assigned);
                consumer.pause(assigned);
                buffers.put(tp, new ArrayDeque<>());
            }
            ArrayDeque<ConsumerRecord<String, String>> buffer = buffers.get(tp);
            for (int attempt = 0; attempt < 50; attempt++) {
                while (!buffer.isEmpty() && buffer.peekFirst().offset() < offset) {
                    buffer.pollFirst();
                }
                if (!buffer.isEmpty() && buffer.peekFirst().offset() == offset) {
                    return buffer.pollFirst();
                }
                if (buffer.isEmpty() || buffer.peekFirst().offset() > offset) {
                    buffer.clear();
                    consumer.seek(tp, offset);
                }
                consumer.resume(List.of(tp));
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500)).records(tp)) {
                    buffer.addLast(r);
                }
                consumer.pause(List.of(tp));
            }
            throw new IllegalStateException("the source record " + tp + "@" + offset
                    + " cannot be read: was the topic's retention limited?");
        }
    }
}
