package org.joinedup.platform.kafka;

import java.time.Duration;

/** Exponential back-off between retries, capped; reset after a success. */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long next;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.next = initialMillis;
    }

    public long nextDelayMillis() {
        long current = next;
        next = Math.min(maxMillis, next * 2);
        return current;
    }

    public void reset() {
        next = initialMillis;
    }
}
