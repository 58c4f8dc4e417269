package org.joinedup.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.platform.kafka.KafkaSettings;
import org.joinedup.platform.kafka.TopicProvisioner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a {@link ConsumerLoop} thread for every {@link EventHandler} bean, and stops them. */
@ApplicationScoped
public class EventConsumers {
    private final Instance<EventHandler> handlers;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final ProcessedMessages processed;
    private final MeterRegistry registry;
    private final boolean enabled;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public EventConsumers(Instance<EventHandler> handlers, KafkaSettings kafka, TopicProvisioner topics,
                          ProcessedMessages processed, MeterRegistry registry,
                          @ConfigProperty(name = "joinedup.consumers.enabled", defaultValue = "true") boolean enabled) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.topics = topics;
        this.processed = processed;
        this.registry = registry;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        for (EventHandler handler : handlers) {
            ConsumerLoop loop = new ConsumerLoop(handler, kafka, topics, processed, registry);
            Thread thread = new Thread(loop, "consumer-" + handler.consumerName());
            thread.setDaemon(true);
            loops.add(loop);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        loops.forEach(ConsumerLoop::stop);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    List<ConsumerLoop> loops() {
        return loops;
    }

    boolean alive() {
        return threads.stream().allMatch(Thread::isAlive);
    }
}
