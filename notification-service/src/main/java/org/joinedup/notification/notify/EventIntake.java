package org.joinedup.notification.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.notification.delivery.Delivery;
import org.joinedup.notification.delivery.DeliveryWorker;
import org.joinedup.notification.subscription.Subscription;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the events of the concern and referral topics into notifications and their deliveries, one
 * event per transaction: the event's id is recorded as processed in the same transaction, so Kafka
 * delivering it again changes nothing. A failure (the database away) is retried with back-off and
 * never skipped; the message is acknowledged only after its transaction committed, so a crash in
 * between means it is read again. A record that is not a readable event is counted and passed over:
 * the services' own consumers dead-letter such records with their reason.
 */
@ApplicationScoped
public class EventIntake {
    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryWorker worker;
    private final Clock clock;
    private final MeterRegistry registry;

    public EventIntake(DeliveryWorker worker, Clock clock, MeterRegistry registry) {
        this.worker = worker;
        this.clock = clock;
        this.registry = registry;
    }

    @Incoming("concerns")
    public Uni<Void> concerns(ConsumerRecord<String, String> record) {
        return take(record);
    }

    @Incoming("referrals")
    public Uni<Void> referrals(ConsumerRecord<String, String> record) {
        return take(record);
    }

    Uni<Void> take(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.CE_TYPE);
        String id = header(record, CloudEventHeaders.CE_ID);
        String time = header(record, CloudEventHeaders.CE_TIME);
        int schemaVersion = schemaVersion(header(record, CloudEventHeaders.CE_SCHEMAVERSION));
        UUID eventId;
        EventPayload event;
        try {
            if (type == null || id == null || record.value() == null) {
                throw new IllegalArgumentException("not a CloudEvent");
            }
            eventId = UUID.fromString(id);
            if (!EventJson.understands(type, schemaVersion)) {
                // A type (or a newer version) this reader does not know tells nobody anything here.
                return Uni.createFrom().voidItem();
            }
            event = EventJson.read(type, schemaVersion, record.value());
        } catch (RuntimeException unreadable) {
            registry.counter("joinedup.notifications.unreadable", "topic", record.topic()).increment();
            LOG.warnf("passed over an unreadable record %s-%d@%d", record.topic(), record.partition(), record.offset());
            return Uni.createFrom().voidItem();
        }
        List<NotificationRules.Planned> planned = NotificationRules.plan(event);
        List<NotificationRules.Fact> facts = NotificationRules.learn(event);
        if (planned.isEmpty() && facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant occurredAt = parseTime(time);
        LOG.debugf("event %s (%s): %d notifications planned", eventId, type, planned.size());
        return Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(eventId).flatMap(seen -> {
                    if (seen != null) {
                        return Uni.createFrom().item(0);
                    }
                    ProcessedEvent processed = new ProcessedEvent();
                    processed.eventId = eventId;
                    processed.processedAt = clock.instant();
                    return processed.persist()
                            .flatMap(x -> rememberAll(facts))
                            .flatMap(x -> notifyAll(eventId, occurredAt, planned));
                }))
                .onFailure().invoke(e -> LOG.warnf("event %s (%s): notifications not recorded yet (%s); retrying",
                        eventId, type, e.getClass().getName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .invoke(deliveries -> {
                    LOG.debugf("event %s: %d deliveries made", eventId, deliveries);
                    if (deliveries > 0) {
                        worker.wake();
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> rememberAll(List<NotificationRules.Fact> facts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NotificationRules.Fact f : facts) {
            chain = chain.flatMap(x -> KnownFacts.remember(f));
        }
        return chain;
    }

    /**
     * Makes each planned notification for each agency it is for (kept, for the agency's leads to see
     * in the console), and a delivery to each of the agency's subscriptions that wants its kind.
     * Returns the deliveries made. In the caller's transaction.
     */
    Uni<Integer> notifyAll(UUID eventId, Instant occurredAt, List<NotificationRules.Planned> planned) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (NotificationRules.Planned p : planned) {
            chain = chain.flatMap(count -> agencies(p.recipients()).flatMap(agencies -> {
                Uni<Integer> inner = Uni.createFrom().item(count);
                for (String agency : agencies) {
                    inner = inner.flatMap(c -> notifyOne(eventId, occurredAt, p, agency).map(n -> c + n));
                }
                return inner;
            }));
        }
        return chain;
    }

    private Uni<Integer> notifyOne(UUID eventId, Instant occurredAt, NotificationRules.Planned p, String agency) {
        String kind = p.kind().wireName();
        return Subscription.<Subscription>list("agencyId", agency).flatMap(subscriptions -> {
            List<Subscription> wanting = subscriptions.stream().filter(s -> s.wants(kind)).toList();
            Instant now = clock.instant();
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.eventId = eventId;
            n.kind = kind;
            n.agencyId = agency;
            n.childId = p.childId();
            n.body = body(n, occurredAt, p);
            n.createdAt = now;
            Uni<Integer> made = n.persist().map(x -> 0);
            for (Subscription s : wanting) {
                Delivery d = new Delivery();
                d.id = UUID.randomUUID();
                d.notificationId = n.id;
                d.subscriptionId = s.id;
                d.orderKey = n.childId != null ? n.childId.toString() : n.id.toString();
                d.status = "pending";
                d.nextAttemptAt = now;
                d.retryFrom = now;
                d.createdAt = now;
                made = made.flatMap(c -> d.persist().map(x -> c + 1));
            }
            return made;
        });
    }

    /** The agencies the recipients name, each once, learnt facts looked up. */
    private static Uni<List<String>> agencies(List<NotificationRules.Recipient> recipients) {
        Uni<Set<String>> all = Uni.createFrom().item(new LinkedHashSet<>());
        for (NotificationRules.Recipient r : recipients) {
            all = all.flatMap(set -> KnownFacts.agencies(r).map(found -> {
                set.addAll(found);
                return set;
            }));
        }
        return all.map(ArrayList::new);
    }

    /** The body posted, Standard Webhooks' shape: the kind, when it happened, and identifiers with a headline. */
    static String body(Notification n, Instant occurredAt, NotificationRules.Planned p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", n.kind);
        root.put("timestamp", occurredAt.toString());
        ObjectNode data = root.putObject("data");
        data.put("notificationId", n.id.toString());
        data.put("eventId", n.eventId.toString());
        data.put("agencyId", n.agencyId);
        if (n.childId != null) {
            data.put("childId", n.childId.toString());
        }
        data.put("headline", p.headline());
        if (p.resourceId() != null) {
            ObjectNode resource = data.putObject("resource");
            resource.put("type", p.resource());
            resource.put("id", p.resourceId().toString());
        }
        return root.toString();
    }

    private static Instant parseTime(String time) {
        try {
            return time == null ? Instant.now() : Instant.parse(time);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    /** The schema version a record names; 1 when it names none. */
    private static int schemaVersion(String header) {
        try {
            return header == null ? 1 : Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
