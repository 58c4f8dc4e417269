package org.joinedup.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** The Kafka clients every service uses, configured in one place from {@link KafkaSettings}. */
public final class KafkaClients {
    private KafkaClients() {
    }

    /**
     * A producer for facts: every send acknowledged by all in-sync replicas, idempotent (so a retry
     * neither doubles nor reorders within a partition), and bounded in how long it blocks.
     */
    public static KafkaProducer<String, String> reliableProducer(KafkaSettings kafka, String clientId) {
        long timeout = kafka.deliveryTimeout().toMillis();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(10_000, timeout));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, timeout - 2));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * A consumer that reads committed records without a group: for code that assigns partitions and
     * seeks itself (a rebuild, reading published checkpoints), committing nothing.
     */
    public static KafkaConsumer<String, String> reader(KafkaSettings kafka, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
