package org.joinedup.notification.notify;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.joinedup.events.Topics;
import org.joinedup.platform.kafka.TopicProvisioner;

import java.util.List;

/**
 * Makes sure the topics this service reads and writes exist, with the platform's settings, before anyone
 * publishes to them: brokers here never create topics on first use. With Kafka away at start the
 * producing services create them later, and the channels find them within seconds
 * ({@code metadata.max.age.ms}).
 */
@ApplicationScoped
public class ConsumedTopics {
    private static final Logger LOG = Logger.getLogger(ConsumedTopics.class);

    void ensure(@Observes StartupEvent start, TopicProvisioner topics) {
        try {
            topics.ensure(List.of(Topics.CONCERNS, Topics.REFERRALS, Topics.NOTIFICATIONS));
        } catch (TopicProvisioner.KafkaUnavailable e) {
            LOG.warn("Kafka not reachable at start; the topics will be found once they exist");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
