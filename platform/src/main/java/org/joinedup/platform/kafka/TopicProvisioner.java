package org.joinedup.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes sure the topics a service uses exist with the configured partitions, replication and
 * retention (unlimited: the topics are the log of record for rebuilds). Called from the relay and
 * consumer threads, never at start-up, so a service starts and accepts work while Kafka is down.
 */
@ApplicationScoped
public class TopicProvisioner {
    private final KafkaSettings settings;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
    }

    public void ensure(Collection<String> topics) throws InterruptedException {
        ensure(topics, settings.partitions());
    }

    /** As {@link #ensure(Collection)}, creating missing topics with this many partitions. */
    public void ensure(Collection<String> topics, int partitions) throws InterruptedException {
        Set<String> missing = topics.stream().filter(t -> !ensured.contains(t)).collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var toCreate = missing.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, settings.replicationFactor())
                            .configs(Map.of("min.insync.replicas", Integer.toString(settings.minInsyncReplicas()),
                                    "retention.ms", "-1", "retention.bytes", "-1")))
                    .toList();
            if (!toCreate.isEmpty()) {
                try {
                    admin.createTopics(toCreate).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            ensured.addAll(missing);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new KafkaUnavailable("could not ensure topics " + missing, e);
        }
    }

    /** Kafka could not be reached in time; the caller backs off and tries again. */
    public static class KafkaUnavailable extends RuntimeException {
        public KafkaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
