package org.joinedup.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.notification.WebhookSubscriptionPaused;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.joinedup.notification.NotificationsTest.as;
import static org.joinedup.notification.NotificationsTest.publish;
import static org.joinedup.notification.NotificationsTest.share;
import static org.joinedup.notification.NotificationsTest.subscribe;
import static org.joinedup.notification.NotificationsTest.subscriptionId;
import static org.joinedup.notification.NotificationsTest.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A callback that keeps failing pauses its subscription and tells the agency by an event (which
 * concern-service puts in its inbox); nothing is lost: what waited is delivered, in order, on resume.
 * Three failures in a row pause here, instead of ten over six hours.
 */
@QuarkusTest
@TestProfile(AutomaticPauseTest.PauseSoon.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notification"),
        @ResourceArg(name = "reactive", value = "true")})
class AutomaticPauseTest {
    public static class PauseSoon implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joinedup.notifications.retry.first", "0.2S", "joinedup.notifications.timeout", "1S",
                    "joinedup.notifications.pause-after-failures", "3", "joinedup.notifications.pause-after", "0S",
                    "joinedup.notifications.notice-sweep-every", "1S");
        }
    }

    @Test
    void a_failing_callback_is_paused_its_agency_told_and_nothing_is_lost_when_it_is_resumed() throws Exception {
        String agency = "school-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver(); KafkaProbe notices = KafkaProbe.from(Topics.NOTIFICATIONS)) {
            for (int i = 0; i < 3; i++) {
                receiver.answers.add(503);
            }
            subscribe(agency, receiver.url(), "share-received");
            String id = subscriptionId(agency, receiver.url());
            UUID child = UUID.randomUUID();
            publish(Topics.CONCERNS, share(child, "met-police", agency));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(system(agency)).get("/subscriptions/" + id).then()
                    .statusCode(200).body("status", equalTo("paused"))
                    .body("pausedReason", startsWith("paused automatically: 3 attempts failed in a row since "))
                    .body("failedAttemptsInARow", equalTo(3)));
            assertEquals(3, receiver.received.size(), "no attempt after the pause");

            ConsumerRecord<String, String> record = notices.await(r -> r.key().equals(agency), Duration.ofSeconds(30));
            assertEquals("webhook-subscription-paused", KafkaProbe.header(record, CloudEventHeaders.CE_TYPE));
            WebhookSubscriptionPaused paused = (WebhookSubscriptionPaused) EventJson.read("webhook-subscription-paused", 1, record.value());
            assertEquals(UUID.fromString(id), paused.subscriptionId());
            assertEquals(agency, paused.agencyId());
            assertEquals("127.0.0.1", paused.callbackHost(), "the host only: a path can carry the agency's own token");
            assertEquals(3, paused.failedAttempts());
            assertEquals("answered 503", paused.lastError());
            assertTrue(!paused.failingSince().isAfter(paused.pausedAt()));
            // Published once: the row is marked sent after the broker took it.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                    notices.readFor(Duration.ofMillis(500), r -> r.key().equals(agency)).size() == 1);

            // While paused, a second share waits; on resume both arrive, in order.
            publish(Topics.CONCERNS, share(child, "met-police", agency));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received.size() == 3);
            as(system(agency)).post("/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("active"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 5);
            String first = receiver.received.get(0).headers().get("webhook-id");
            assertEquals(first, receiver.received.get(3).headers().get("webhook-id"), "the first notification is delivered first");
            as(system(agency)).get("/subscriptions/" + id + "/deliveries").then().statusCode(200)
                    .body("deliveries.status", org.hamcrest.Matchers.everyItem(equalTo("delivered")));
        }
    }
}
