package org.joinedup.chaos;

import org.joinedup.testing.TestNhsNumbers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agency systems posting concerns at a fixed rate, each concern with its own
 * {@code Idempotency-Key}, retried as {@code docs/api.md} tells an integrator to: on no answer, on
 * {@code 503} and on {@code 409 idempotency-key-in-progress}, wait ({@code Retry-After} when given)
 * and send the same request with the same key to the next instance, until it is answered or five
 * minutes have passed. Any other answer ends the concern; a {@code 500} is counted.
 */
final class ConcernLoad {
    private static final Pattern FIELD = Pattern.compile("\"(concernId|eventId)\":\"([^\"]+)\"");

    /** What a concern's sender finally got. */
    record Accepted(String concernId, String eventId, int attempts, long acceptedAtNanos) {
    }

    private final List<String> instances;
    private final Supplier<String> token;
    private final String tag;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(64);
    private final AtomicInteger next = new AtomicInteger();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong inProgress = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicLong unfinished = new AtomicLong();
    final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    final ConcurrentSkipListSet<Long> acceptedAt = new ConcurrentSkipListSet<>();

    ConcernLoad(List<String> instances, Supplier<String> token, String tag) {
        this.instances = instances;
        this.token = token;
        this.tag = tag;
    }

    /** Starts offering {@code rate} new concerns a second. */
    void start(double rate) {
        long periodMicros = (long) (1_000_000 / rate);
        pacer.scheduleAtFixedRate(() -> {
            sent.incrementAndGet();
            unfinished.incrementAndGet();
            senders.submit(this::sendOne);
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops offering new concerns and waits until every concern sent is answered or given up. */
    void stopAndDrain(Duration atMost) throws InterruptedException {
        pacer.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }

    private void sendOne() {
        String key = UUID.randomUUID().toString();
        String body = "{\"child\": {\"nhsNumber\": \"" + TestNhsNumbers.next() + "\"}, \"category\": \"neglect\", "
                + "\"riskLevel\": \"medium\", \"description\": \"Left alone overnight (chaos " + tag + ").\", "
                + "\"occurredAt\": \"2026-11-20T22:00:00Z\"}";
        long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        int tries = 0;
        try {
            while (System.nanoTime() < giveUpAt) {
                tries++;
                attempts.incrementAndGet();
                String base = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
                long waitMillis;
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/concerns"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                            .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    int status = r.statusCode();
                    if (status == 201) {
                        String concernId = null;
                        String eventId = null;
                        Matcher m = FIELD.matcher(r.body());
                        while (m.find()) {
                            if (m.group(1).equals("concernId")) {
                                concernId = m.group(2);
                            } else {
                                eventId = m.group(2);
                            }
                        }
                        long now = System.nanoTime();
                        accepted.put(key, new Accepted(concernId, eventId, tries, now));
                        acceptedAt.add(now);
                        return;
                    }
                    if (status == 503) {
                        unavailable.incrementAndGet();
                    } else if (status == 409) {
                        inProgress.incrementAndGet();
                    } else {
                        if (status >= 500) {
                            serverErrors.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                            return;
                        }
                    }
                    waitMillis = 1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"));
                } catch (IOException e) {
                    noAnswer.incrementAndGet();
                    waitMillis = 500;
                }
                Thread.sleep(Math.min(waitMillis, 5_000));
            }
            gaveUp.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unfinished.decrementAndGet();
        }
    }

    /** Concerns answered 201 only after more than one attempt. */
    long retried() {
        return accepted.values().stream().filter(a -> a.attempts() > 1).count();
    }

    /** The longest time between two consecutive 201s, the first at or after {@code fromNanos}, in milliseconds. */
    long longestPause(long fromNanos, long toNanos) {
        Long previous = acceptedAt.floor(fromNanos);
        long longest = 0;
        for (long t : acceptedAt.tailSet(fromNanos, true)) {
            if (previous != null) {
                longest = Math.max(longest, t - previous);
            }
            previous = t;
            if (t > toNanos) {
                break;
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }
}
