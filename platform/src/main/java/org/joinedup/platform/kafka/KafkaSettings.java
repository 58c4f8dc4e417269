package org.joinedup.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Kafka settings shared by the outbox relay and the event consumers of every service. */
@ConfigMapping(prefix = "joinedup.kafka")
public interface KafkaSettings {
    /** The brokers; the same key SmallRye and the Kafka health check read. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** Partitions of each topic this platform creates (6 by default). */
    @WithDefault("6")
    int partitions();

    /** Replication factor of created topics: 1 locally, 3 in a cluster. */
    @WithName("replication-factor")
    @WithDefault("1")
    short replicationFactor();

    /** {@code min.insync.replicas} of created topics: 1 locally, 2 in a cluster. */
    @WithName("min-insync-replicas")
    @WithDefault("1")
    int minInsyncReplicas();

    /**
     * Put before every consumer group id. Replicas of one deployment share it (and so share the
     * work); another deployment with its own database needs its own, or the two would split the
     * partitions between them.
     */
    @WithName("group-prefix")
    java.util.Optional<String> groupPrefix();

    /** How long one publish may wait for the broker before the relay backs off and retries. */
    @WithName("delivery-timeout")
    @WithDefault("PT20S")
    Duration deliveryTimeout();
}
