package org.joinedup.events;

import org.joinedup.events.notification.WebhookSubscriptionPaused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NotificationEventsContractTest {
    @Test
    void a_paused_subscription_travels_on_notifications_events_keyed_by_its_agency_and_round_trips() {
        WebhookSubscriptionPaused paused = new WebhookSubscriptionPaused(UUID.fromString("5b0e7c52-0000-4000-8000-000000000001"),
                "met-police", "hooks.met-police.example", 12, Instant.parse("2026-12-05T01:00:00Z"), "answered 503",
                Instant.parse("2026-12-05T07:00:00Z"));
        EventType type = paused.eventType();
        assertEquals("webhook-subscription-paused", type.typeName());
        assertEquals(Topics.NOTIFICATIONS, type.topic());
        assertFalse(type.aboutAChild());
        assertEquals("met-police", paused.subject());
        assertEquals(paused.pausedAt(), paused.occurredAt());
        assertEquals(paused, EventJson.read(type.typeName(), 1, EventJson.write(paused)));
        assertEquals("""
                {"subscriptionId":"5b0e7c52-0000-4000-8000-000000000001","agencyId":"met-police",\
                "callbackHost":"hooks.met-police.example","failedAttempts":12,"failingSince":"2026-12-05T01:00:00Z",\
                "lastError":"answered 503","pausedAt":"2026-12-05T07:00:00Z"}""", EventJson.write(paused));
    }
}
