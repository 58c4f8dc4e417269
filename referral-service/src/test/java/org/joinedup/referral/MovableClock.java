package org.joinedup.referral;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the real time until a test moves it. Replaces the platform's
 * default clock (a {@code @DefaultBean}), so the event store, the deciders and the sweep all read it.
 */
@Singleton
public class MovableClock extends Clock {
    private volatile Instant fixed;

    /** From now on the time is {@code at} (it stands still until moved again). */
    public void set(Instant at) {
        this.fixed = at;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
