package org.joinedup.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential back-off from {@code first}, doubling to at most
 * {@code longest}, with full jitter in the upper half (so receivers coming back are not hit by every
 * sender at once), for {@code window} after the notification was made; after that it is marked failed.
 * With the defaults (5 s, 1 h, 24 h) a delivery is tried about 40 times.
 */
public record RetrySchedule(Duration first, Duration longest, Duration window) {
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    /** The next attempt after {@code attempts} failed ones, or null when the window has passed. */
    public Instant next(int attempts, Instant createdAt, Instant now, DoubleSupplier random) {
        if (!now.isBefore(createdAt.plus(window))) {
            return null;
        }
        double exponential = first.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        long ceiling = (long) Math.min(longest.toMillis(), exponential);
        long delay = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        Instant next = now.plusMillis(Math.max(1, delay));
        Instant end = createdAt.plus(window);
        return next.isAfter(end) ? end : next;
    }
}
