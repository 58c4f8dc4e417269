package org.joinedup.platform.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.joinedup.events.MalformedEventException;
import org.joinedup.platform.kafka.Backoff;
import org.joinedup.platform.kafka.KafkaSettings;
import org.joinedup.platform.kafka.TopicProvisioner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link EventHandler}: poll, apply each event once (deduplicated in the transaction that
 * applies it; the readable records of one poll share one transaction), commit offsets only after processing. A message that cannot be read goes to the
 * dead-letter topic with the reason and the loop moves on; a failure to apply a readable event (the
 * database is down, say) is retried with back-off and never skipped: the audit must not lose an
 * event. On shutdown, offsets of what was applied are committed and the rest is read again later.
 */
final class ConsumerLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final EventHandler handler;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final ProcessedMessages processed;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Instant lastPoll;
    private volatile String retrying;
    private KafkaProducer<String, String> deadLetterProducer;

    ConsumerLoop(EventHandler handler, KafkaSettings kafka, TopicProvisioner topics, ProcessedMessages processed,
                 MeterRegistry registry) {
        this.handler = handler;
        this.kafka = kafka;
        this.topics = topics;
        this.processed = processed;
        this.applied = registry.counter("joinedup.consumer.applied", "consumer", handler.consumerName());
        this.duplicates = registry.counter("joinedup.consumer.duplicates", "consumer", handler.consumerName());
        this.deadLettered = registry.counter("joinedup.consumer.dead-lettered", "consumer", handler.consumerName());
    }

    String name() {
        return handler.consumerName();
    }

    Instant lastPoll() {
        return lastPoll;
    }

    /** Why the loop is retrying the same event, or null when it is not. */
    String retrying() {
        return retrying;
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
        while (running) {
            try {
                Set<String> all = new HashSet<>(handler.topics());
                handler.topics().forEach(t -> all.add(DeadLetters.topicFor(t)));
                topics.ensure(all);
                consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
                consumer.subscribe(handler.topics());
                pollUntilStopped();
                backoff.reset();
            } catch (WakeupException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } catch (RuntimeException e) {
                long delay = backoff.nextDelayMillis();
                LOG.warnf("consumer %s: %s: %s; reconnecting in %d ms", handler.consumerName(),
                        e.getClass().getSimpleName(), e.getMessage(), delay);
                sleep(delay);
            } finally {
                closeConsumer();
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    private void pollUntilStopped() throws InterruptedException {
        while (running) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            lastPoll = Instant.now();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<Readable> run = new ArrayList<>();
            try {
                for (ConsumerRecord<String, String> record : records) {
                    ReceivedEvent event;
                    try {
                        event = ReceivedEvent.from(record, handler.acceptsUnknownTypes());
                    } catch (MalformedEventException e) {
                        // What came before is applied first, so offsets are only ever committed past applied records.
                        if (!applyRun(run, done) || !deadLetter(record, e.getMessage())) {
                            return; // stopping: commit what was applied, leave the rest for next time
                        }
                        done(done, record);
                        continue;
                    }
                    run.add(new Readable(record, event));
                }
                if (!applyRun(run, done)) {
                    return;
                }
            } finally {
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        }
    }

    private record Readable(ConsumerRecord<String, String> record, ReceivedEvent event) {
    }

    /**
     * Applies a run of readable records in one transaction (one commit for the run instead of one per
     * event: the audit ledger's catch-up is bound by commits otherwise). The run's event ids are
     * recorded in one statement, and the events not seen before go to the handler together, in order,
     * so it may apply them as one batch. If the transaction fails, the run is applied again one event at a time,
     * each retried until it is applied, so a failing event holds up only itself and what follows it.
     *
     * @return false when the loop is stopping and not all of the run was applied
     */
    private boolean applyRun(List<Readable> run, Map<TopicPartition, OffsetAndMetadata> done) throws InterruptedException {
        if (run.isEmpty()) {
            return true;
        }
        try {
            int first = QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> firstDeliveries = processed.markFirstDeliveries(handler.consumerName(),
                        run.stream().map(r -> r.event().envelope().id()).toList());
                List<ReceivedEvent> applying = new ArrayList<>(firstDeliveries.size());
                for (Readable r : run) {
                    if (firstDeliveries.remove(r.event().envelope().id())) {
                        applying.add(r.event());
                    }
                }
                handler.handleAll(applying);
                return applying.size();
            });
            applied.increment(first);
            duplicates.increment(run.size() - first);
            retrying = null;
            run.forEach(r -> done(done, r.record()));
        } catch (RuntimeException e) {
            if (run.size() > 1) {
                LOG.warnf("consumer %s: applying %d events together failed (%s); applying them one at a time",
                        handler.consumerName(), run.size(), e.getClass().getSimpleName());
            }
            for (Readable r : run) {
                if (!apply(r.event())) {
                    return false;
                }
                done(done, r.record());
            }
        } finally {
            run.clear();
        }
        return true;
    }

    private static void done(Map<TopicPartition, OffsetAndMetadata> done, ConsumerRecord<String, String> record) {
        done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    /** Applies one event in its own transaction, retrying with back-off; false when the loop is stopping. */
    private boolean apply(ReceivedEvent event) throws InterruptedException {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        while (true) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.markFirstDelivery(handler.consumerName(), event.envelope().id())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                (first ? applied : duplicates).increment();
                retrying = null;
                return true;
            } catch (RuntimeException e) {
                if (!running) {
                    return false;
                }
                long delay = backoff.nextDelayMillis();
                retrying = e.getClass().getSimpleName() + " on event " + event.envelope().id();
                LOG.errorf("consumer %s: applying event %s (%s) failed: %s; retrying in %d ms",
                        handler.consumerName(), event.envelope().id(), event.envelope().type(),
                        e.getClass().getSimpleName(), delay);
                Thread.sleep(delay);
            }
        }
    }

    private boolean deadLetter(ConsumerRecord<String, String> record, String reason) throws InterruptedException {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetters.REASON, bytes(reason));
        headers.add(DeadLetters.ORIGINAL_TOPIC, bytes(record.topic()));
        headers.add(DeadLetters.ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(DeadLetters.ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(DeadLetters.CONSUMER, bytes(handler.consumerName()));
        ProducerRecord<String, String> dead = new ProducerRecord<>(DeadLetters.topicFor(record.topic()), null,
                record.key(), record.value(), headers);
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        while (true) {
            try {
                deadLetterProducer().send(dead).get(kafka.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                deadLettered.increment();
                LOG.warnf("consumer %s: dead-lettered %s-%d@%d: %s", handler.consumerName(), record.topic(),
                        record.partition(), record.offset(), reason);
                return true;
            } catch (Exception e) {
                if (e instanceof InterruptedException ie) {
                    throw ie;
                }
                if (!running) {
                    return false;
                }
                if (deadLetterProducer != null) {
                    deadLetterProducer.close(Duration.ZERO);
                    deadLetterProducer = null;
                }
                Thread.sleep(backoff.nextDelayMillis());
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupPrefix().orElse("") + handler.consumerName());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, handler.consumerName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return c;
    }

    private KafkaProducer<String, String> deadLetterProducer() {
        if (deadLetterProducer == null) {
            deadLetterProducer = org.joinedup.platform.kafka.KafkaClients.reliableProducer(kafka,
                    handler.consumerName() + "-dead-letter");
        }
        return deadLetterProducer;
    }

    private void closeConsumer() {
        KafkaConsumer<String, String> c = consumer;
        consumer = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing consumer", e);
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
