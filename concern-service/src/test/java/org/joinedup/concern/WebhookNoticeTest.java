package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.notification.WebhookSubscriptionPaused;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.practitioner;

/** notification-service's notice that a subscription was paused lands in the agency's inbox, and only there, until acknowledged. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class WebhookNoticeTest {
    static String lead(String agency) {
        return TestTokens.token("lead-of-" + agency, agency, Roles.SAFEGUARDING_LEAD);
    }

    static UUID publishPaused(String agency) {
        UUID eventId = UUID.randomUUID();
        Instant at = Instant.now();
        WebhookSubscriptionPaused paused = new WebhookSubscriptionPaused(UUID.randomUUID(), agency, "hooks.example.org", 10,
                at.minusSeconds(6 * 3600), "answered 503", at);
        EventEnvelope envelope = new EventEnvelope(eventId, "/notification-service", "webhook-subscription-paused", agency, at, 1,
                agency, "notification-service", eventId, null, at);
        // Twice, as a producer retrying after a crash would: one notice.
        for (int i = 0; i < 2; i++) {
            KafkaProbe.produce(Topics.NOTIFICATIONS, agency, EventJson.write(paused), CloudEventHeaders.toHeaders(envelope));
        }
        return eventId;
    }

    @Test
    void the_paused_subscriptions_agency_finds_a_notice_in_its_inbox_until_it_acknowledges_it() {
        String agency = "school-" + UUID.randomUUID().toString().substring(0, 8);
        UUID notice = publishPaused(agency);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(lead(agency)).get("/inbox").then().statusCode(200)
                .body("findAll { it.kind == 'webhook-paused' }.size()", equalTo(1))
                .body("find { it.kind == 'webhook-paused' }.noticeId", equalTo(notice.toString()))
                .body("find { it.kind == 'webhook-paused' }.callbackHost", equalTo("hooks.example.org"))
                .body("find { it.kind == 'webhook-paused' }.failedAttempts", equalTo(10))
                .body("find { it.kind == 'webhook-paused' }.lastError", equalTo("answered 503")));
        as(practitioner("met-police")).get("/inbox").then().statusCode(200).body("noticeId", not(hasItem(notice.toString())));

        // Another agency cannot acknowledge it; an id that is not one is 404 too.
        as(practitioner("met-police")).post("/webhook-notices/" + notice + "/acknowledgement").then().statusCode(404)
                .contentType("application/problem+json");
        as(practitioner(agency)).post("/webhook-notices/not-an-id/acknowledgement").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("inspector-1", null, Roles.INSPECTOR)).post("/webhook-notices/" + notice + "/acknowledgement")
                .then().statusCode(403);
        given().post("/webhook-notices/" + notice + "/acknowledgement").then().statusCode(401);

        as(practitioner(agency)).post("/webhook-notices/" + notice + "/acknowledgement").then().statusCode(200)
                .body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());
        as(lead(agency)).post("/webhook-notices/" + notice + "/acknowledgement").then().statusCode(200);
        as(lead(agency)).get("/inbox").then().statusCode(200).body("kind", not(hasItem("webhook-paused")));
    }
}
