package org.joinedup.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.Topics;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions through the API, events from the real broker, deliveries to a real HTTP receiver on
 * loopback, signed as Standard Webhooks says and checked here with the JDK's own HMAC.
 */
@QuarkusTest
@TestProfile(NotificationsTest.Quick.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notification"),
        @ResourceArg(name = "reactive", value = "true")})
class NotificationsTest {
    /** Retries after a fifth of a second, receivers cut off after a second: the same rules, faster. */
    public static class Quick implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joinedup.notifications.retry.first", "0.2S", "joinedup.notifications.timeout", "1S",
                    "joinedup.notifications.reminder-sweep-every", "1S");
        }
    }

    static String system(String agency) {
        return TestTokens.token(agency + "-system", agency, "practitioner", "agency-system");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String subscribe(String agency, String url, String... kinds) {
        return as(system(agency)).body(Map.of("callbackUrl", url, "kinds", List.of(kinds))).post("/subscriptions")
                .then().statusCode(201).extract().path("secret");
    }

    static String subscriptionId(String agency, String url) {
        return as(system(agency)).get("/subscriptions").then().statusCode(200).extract()
                .path("subscriptions.find { it.callbackUrl == '" + url + "' }.id");
    }

    static UUID publish(String topic, EventPayload payload) {
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id, "/concern-service", payload.eventType().typeName(), payload.subject(),
                payload.occurredAt(), 1, null, "test", null, null, Instant.now());
        KafkaProbe.produce(topic, payload.subject(), EventJson.write(payload), CloudEventHeaders.toHeaders(envelope));
        return id;
    }

    static InformationShared share(UUID child, String from, String to) {
        return new InformationShared(UUID.randomUUID(), child, from, to, List.of(UUID.randomUUID()),
                "Bruising seen on the arm", "safeguarding", "public-task", new Consent(Consent.NOT_SOUGHT, "risk to the child"),
                UUID.randomUUID(), false, null, "pc-1", Instant.now());
    }

    static boolean signedWith(String secret, Receiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((r.headers().get("webhook-id") + "."
                + r.headers().get("webhook-timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(r.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    /** tools/verify-webhook.py, the receiver's check in Python's standard library: an implementation that shares nothing with ours. */
    static String verifiedIndependently(String secret, Receiver.Received r) throws Exception {
        java.nio.file.Path body = java.nio.file.Files.createTempFile("webhook", ".json");
        java.nio.file.Files.writeString(body, r.body());
        Process p = new ProcessBuilder("python3", java.nio.file.Path.of("..", "tools", "verify-webhook.py").toString(), secret,
                r.headers().get("webhook-id"), r.headers().get("webhook-timestamp"), r.headers().get("webhook-signature"),
                body.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }

    @Test
    void a_share_reaches_the_receiving_agencys_endpoint_signed_with_identifiers_and_no_detail() throws Exception {
        String agency = "school-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver()) {
            String secret = subscribe(agency, receiver.url(), "share-received", "share-acknowledged");
            UUID child = UUID.randomUUID();
            // Records that are not events (no CloudEvents headers; a body that is not JSON) are passed over, not fatal.
            KafkaProbe.produce(Topics.CONCERNS, child.toString(), "{\"not\": \"an event\"}", Map.of());
            KafkaProbe.produce(Topics.CONCERNS, child.toString(), "not json", CloudEventHeaders.toHeaders(new EventEnvelope(
                    UUID.randomUUID(), "/concern-service", "information-shared", child.toString(), Instant.now(), 1, null, null,
                    null, null, Instant.now())));
            InformationShared shared = share(child, "met-police", agency);
            UUID eventId = publish(Topics.CONCERNS, shared);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 1);
            Receiver.Received r = receiver.received.get(0);
            assertTrue(signedWith(secret, r), "the signature verifies with the secret shown once");
            assertEquals("valid", verifiedIndependently(secret, r), "and with the Python receiver of docs/notifications.md");
            assertTrue(Math.abs(Long.parseLong(r.headers().get("webhook-timestamp")) - Instant.now().getEpochSecond()) < 60);
            var body = EventJson.mapper().readTree(r.body());
            assertEquals("share-received", body.path("type").asText());
            assertEquals(eventId.toString(), body.path("data").path("eventId").asText());
            assertEquals(child.toString(), body.path("data").path("childId").asText());
            assertEquals(shared.shareId().toString(), body.path("data").path("resource").path("id").asText());
            assertEquals(r.headers().get("webhook-id"), body.path("data").path("notificationId").asText());
            assertFalse(r.body().contains("Bruising"), "the note stays behind the API");

            // The same event delivered twice by Kafka makes no second notification.
            publishAgain(shared, eventId);
            // The sender is told of the acknowledgement only if it subscribed: here the school subscribed, not the police.
            publish(Topics.CONCERNS, new InformationShareAcknowledged(shared.shareId(), child, agency, "lead-1", Instant.now()));
            // Nothing else is for this subscription: still one delivery a second and a half later.
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received.size() == 1);
        }
    }

    private static void publishAgain(EventPayload payload, UUID eventId) {
        EventEnvelope envelope = new EventEnvelope(eventId, "/concern-service", payload.eventType().typeName(), payload.subject(),
                payload.occurredAt(), 1, null, "test", null, null, Instant.now());
        KafkaProbe.produce(Topics.CONCERNS, payload.subject(), EventJson.write(payload), CloudEventHeaders.toHeaders(envelope));
    }

    @Test
    void a_receiver_that_fails_is_retried_and_the_log_shows_each_attempt_and_order_per_child_is_kept() throws Exception {
        String agency = "police-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver()) {
            receiver.answers.add(500);
            receiver.answers.add(503);
            subscribe(agency, receiver.url(), "emergency-access");
            UUID child = UUID.randomUUID();
            UUID first = publish(Topics.CONCERNS, new EmergencyAccessGranted(UUID.randomUUID(), child, "safe-steps", "lead-9",
                    "afraid to go home tonight and the MASH line is closed", Instant.now(), Instant.now().plusSeconds(3600), List.of(agency)));
            UUID second = publish(Topics.CONCERNS, new EmergencyAccessGranted(UUID.randomUUID(), child, "safe-steps", "lead-9",
                    "afraid to go home tonight and the MASH line is closed", Instant.now(), Instant.now().plusSeconds(3600), List.of(agency)));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 4);
            List<String> events = receiver.received.stream().map(r -> {
                try {
                    return EventJson.mapper().readTree(r.body()).path("data").path("eventId").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(List.of(first.toString(), first.toString(), first.toString(), second.toString()), events,
                    "the second waits until the first about the same child is delivered");
            assertEquals(receiver.received.get(0).headers().get("webhook-id"), receiver.received.get(2).headers().get("webhook-id"),
                    "a retry keeps its webhook-id");

            String id = subscriptionId(agency, receiver.url());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(system(agency)).get("/subscriptions/" + id + "/deliveries")
                    .then().statusCode(200).body("deliveries", hasSize(2))
                    .body("deliveries[1].status", equalTo("delivered"))
                    .body("deliveries[1].attemptLog.statusCode", contains(500, 503, 200)));
        }
    }

    @Test
    void a_receiver_that_answers_too_slowly_is_cut_off_and_tried_again() throws Exception {
        String agency = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver()) {
            receiver.delays.add(3_000L);
            subscribe(agency, receiver.url(), "share-received");
            publish(Topics.CONCERNS, share(UUID.randomUUID(), "met-police", agency));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 2);
            String id = subscriptionId(agency, receiver.url());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(system(agency)).get("/subscriptions/" + id + "/deliveries")
                    .then().statusCode(200).body("deliveries[0].status", equalTo("delivered"))
                    .body("deliveries[0].attemptLog[0].error", org.hamcrest.Matchers.notNullValue())
                    .body("deliveries[0].attemptLog[1].statusCode", equalTo(200)));
            assertEquals(receiver.received.get(0).headers().get("webhook-id"), receiver.received.get(1).headers().get("webhook-id"));
        }
    }

    @Test
    void a_paused_subscription_holds_its_deliveries_until_resumed_and_a_delivery_can_be_sent_again() throws Exception {
        String agency = "csc-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver()) {
            subscribe(agency, receiver.url(), "share-received");
            String id = subscriptionId(agency, receiver.url());
            as(system(agency)).body("{\"reason\": \"our system is being upgraded\"}").post("/subscriptions/" + id + "/pause")
                    .then().statusCode(200).body("status", equalTo("paused")).body("pausedReason", equalTo("our system is being upgraded"));
            publish(Topics.CONCERNS, share(UUID.randomUUID(), "met-police", agency));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(system(agency)).get("/subscriptions/" + id + "/deliveries")
                    .then().body("deliveries", hasSize(1)).body("deliveries[0].status", equalTo("pending")));
            // Nothing is sent while paused: still nothing a second later.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received.isEmpty());
            as(system(agency)).post("/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("active"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 1);

            String delivery = as(system(agency)).get("/subscriptions/" + id + "/deliveries").then().extract().path("deliveries[0].id");
            as(system(agency)).post("/subscriptions/" + id + "/deliveries/" + delivery + "/redelivery").then().statusCode(200)
                    .body("status", equalTo("pending"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 2);
            assertEquals(receiver.received.get(0).headers().get("webhook-id"), receiver.received.get(1).headers().get("webhook-id"));
        }
    }

    @Test
    void a_rotated_secret_signs_beside_the_previous_one_during_the_grace_period() throws Exception {
        String agency = "gp-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver()) {
            String old = subscribe(agency, receiver.url(), "share-received");
            String id = subscriptionId(agency, receiver.url());
            String fresh = as(system(agency)).post("/subscriptions/" + id + "/secret-rotation").then().statusCode(200)
                    .body("secret", startsWith("whsec_")).extract().path("secret");
            publish(Topics.CONCERNS, share(UUID.randomUUID(), "met-police", agency));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 1);
            assertTrue(signedWith(fresh, receiver.received.get(0)));
            assertTrue(signedWith(old, receiver.received.get(0)));
            as(system(agency)).get("/subscriptions/" + id).then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue());
        }
    }
}
