package org.joinedup.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.ServiceProcess;
import org.joinedup.testing.TestInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notification-service killed (SIGKILL) while deliveries are in flight to a slow receiver, and again
 * while events are still being taken in: once it is back, every notification reaches the receiver,
 * and what arrives twice arrives with the same webhook-id and the same body, which the receiver
 * deduplicates. The packaged service, the real broker and database, a real HTTP receiver on loopback.
 */
class NotificationCrashIT {
    static final int SHARES = 40;

    record Received(String webhookId, String body) {
    }

    @Test
    void killing_the_service_mid_delivery_loses_nothing_and_duplicates_only_by_webhook_id() throws Exception {
        TestInfrastructure.ensureStarted();
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), body));
            try {
                Thread.sleep(1_500); // slow: many deliveries are in flight when the service dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        ServiceProcess service = new ServiceProcess("notification-service", "crash_notification")
                .property("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + TestInfrastructure.postgres().port()
                        + "/crash_notification")
                .property("joinedup.notifications.allow-loopback-callbacks", "true")
                .property("joinedup.notifications.lease", "5S")
                .property("joinedup.notifications.retry.first", "1S");
        try {
            service.start();
            String agency = "school-" + UUID.randomUUID().toString().substring(0, 8);
            given().baseUri(service.baseUrl()).auth().oauth2(TestTokens.token(agency + "-system", agency, "practitioner", "agency-system"))
                    .contentType("application/json")
                    .body(Map.of("callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "kinds", List.of("share-received")))
                    .post("/subscriptions").then().statusCode(201);

            Set<UUID> events = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < SHARES / 2; i++) {
                events.add(publishShare(agency));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 3);
            service.kill(); // deliveries in flight: their answers are never recorded
            for (int i = 0; i < SHARES / 2; i++) {
                events.add(publishShare(agency)); // taken in after the restart, from the committed offsets
            }
            service.start();
            // Kafka hands the killed consumers' partitions on once their sessions time out: allow for it.
            await().atMost(Duration.ofSeconds(120)).until(() -> received.size() >= SHARES / 2 + 3);
            service.kill(); // again, with events and deliveries both under way
            service.start();

            await().atMost(Duration.ofSeconds(180)).until(() -> eventsOf(received).containsAll(events));
            Map<String, String> bodyById = new ConcurrentHashMap<>();
            Map<String, String> idByEvent = new ConcurrentHashMap<>();
            for (Received r : received) {
                String earlier = bodyById.putIfAbsent(r.webhookId(), r.body());
                assertTrue(earlier == null || earlier.equals(r.body()), "a repeat carries the same body under the same id");
                String event = EventJson.mapper().readTree(r.body()).path("data").path("eventId").asText();
                String id = idByEvent.putIfAbsent(event, r.webhookId());
                assertTrue(id == null || id.equals(r.webhookId()), "one event is one notification id, however often it is sent");
            }
            assertEquals(events.size(), bodyById.size(), "one notification per event");
            System.out.printf("notification crash: %d notifications, %d posts received (%d repeats by webhook-id)%n",
                    bodyById.size(), received.size(), received.size() - bodyById.size());
        } finally {
            service.kill();
            receiver.stop(0);
        }
    }

    static Set<UUID> eventsOf(List<Received> received) {
        Set<UUID> events = new HashSet<>();
        for (Received r : received) {
            try {
                JsonNode body = EventJson.mapper().readTree(r.body());
                events.add(UUID.fromString(body.path("data").path("eventId").asText()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    static UUID publishShare(String agency) {
        UUID child = UUID.randomUUID();
        InformationShared share = new InformationShared(UUID.randomUUID(), child, "met-police", agency, List.of(UUID.randomUUID()),
                "A note", "safeguarding", "public-task", new Consent(Consent.NOT_SOUGHT, "risk to the child"), UUID.randomUUID(),
                false, null, "pc-1", Instant.now());
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id, "/concern-service", "information-shared", child.toString(), Instant.now(), 1,
                "met-police", "pc-1", null, null, Instant.now());
        KafkaProbe.produce(Topics.CONCERNS, child.toString(), EventJson.write(share), CloudEventHeaders.toHeaders(envelope));
        return id;
    }
}
