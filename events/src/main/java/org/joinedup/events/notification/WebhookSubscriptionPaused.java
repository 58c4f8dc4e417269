package org.joinedup.events.notification;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code webhook-subscription-paused} v1: notification-service stopped delivering to an agency
 * system's callback because it kept failing; nothing is lost, deliveries wait until the agency
 * resumes the subscription. The agency finds a notice in its inbox (concern-service).
 *
 * @param callbackHost   the host of the callback URL only (its path may carry a token of the agency's)
 * @param failedAttempts the attempts that failed in a row before the pause
 * @param failingSince   the first of those failed attempts
 * @param lastError      the last attempt's status code or failure, as {@code answered 503} or {@code ConnectException}
 */
public record WebhookSubscriptionPaused(UUID subscriptionId, String agencyId, String callbackHost, int failedAttempts,
                                        Instant failingSince, String lastError, Instant pausedAt) implements EventPayload {
    @Override
    public String subject() {
        return agencyId;
    }

    @Override
    public Instant occurredAt() {
        return pausedAt;
    }
}
