import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joined-Up's benchmark harness (bench/run.sh starts it): bounded loads on loopback against the
 * local stack, each figure measured in the same run as its raw baseline and reported as a ratio.
 * Plain Java (java.net.http), no dependencies, run with the JDK's source launcher.
 */
public class Bench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String KEYCLOAK = env("JOINEDUP_KEYCLOAK", "http://127.0.0.1:8180/realms/joinedup/protocol/openid-connect/token");
    static final String CONCERNS = env("JOINEDUP_CONCERNS", "http://127.0.0.1:8081");
    static final String AUDIT = env("JOINEDUP_AUDIT", "http://127.0.0.1:8084");
    static final String REFERRALS = env("JOINEDUP_REFERRALS", "http://127.0.0.1:8082");
    static final String NOTIFICATIONS = env("JOINEDUP_NOTIFICATIONS", "http://127.0.0.1:8085");
    /** The 201 -> chronology p50 and p99 of this run, by share of the sustained rate: the webhook figure's baseline. */
    static final Map<Double, double[]> CHRONOLOGY_LATENCY = new java.util.concurrent.ConcurrentHashMap<>();
    static final String PG_PORT = env("JOINEDUP_PG_PORT", "55432");
    static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    static final String KAFKA_LIB = "deploy/kafka-broker/target/lib/*";
    static final Path PIDS = Path.of(env("JOINEDUP_STATE", ".local"), "pids");
    static final List<String> SERVICES = List.of("concern-service", "referral-service", "agency-directory-service", "audit-service");
    static final List<String[]> ROWS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(env("BENCH_SECONDS", "10"));
        String pgbin = args.length > 0 ? args[0] : "/usr/lib/postgresql/15/bin";
        Supplier<String> police = token("grant_type=client_credentials&client_id=met-police-system&client_secret=met-police-local-dev-secret");
        Supplier<String> inspector = userToken("inspector.ofsted");
        Supplier<String> lead = userToken("lead.haringey");
        Supplier<String> csc = token("grant_type=client_credentials&client_id=haringey-csc-system&client_secret=haringey-csc-local-dev-secret");

        Map<String, Long> idle = residentMiB();
        prepareBaselineTable(pgbin);
        double sustained = 0;
        Map<String, Long> loaded = new LinkedHashMap<>();
        if (wanted("concerns") || wanted("latency") || wanted("overload") || wanted("webhooks") || wanted("front-door")) {
            // Warm up: the services' JIT compilers and pools, so the measured loads see steady state. Closed-loop
            // throughput was still rising after 15 s of it (about 100/s then, 250-350/s a minute later).
            int warmup = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "60"));
            System.err.println("warming up for " + warmup + " s ...");
            concernsPerSecond(police, 8, warmup / 2, null);
            concernsPerSecond(police, 32, warmup - warmup / 2, null);
            for (int clients : new int[]{8, 32}) {
                double raw = pgbenchInsertRate(pgbin, clients, seconds);
                double accepted = concernsPerSecond(police, clients, seconds, clients == 32 ? loaded : null);
                sustained = Math.max(sustained, accepted);
                row("POST /concerns accepted per second, " + clients + " clients", accepted, "single-row insert tx/s (pgbench)",
                        raw, ">= 0.5");
            }
        }
        if (wanted("overload")) {
            double peak = sustained;
            figure("overload", () -> overload(police, pgbin, peak, seconds));
        }
        double rate = sustained; // the fixed rates are shares of it, so latency needs the throughput loads first
        for (double share : wanted("latency") || wanted("webhooks") || wanted("front-door") ? new double[]{0.25, 0.5} : new double[0]) {
            figure("201 -> chronology at " + (int) (share * 100) + "% of sustained",
                    () -> latencyToChronology(police, lead, Math.max(1, rate * share), share, seconds));
        }
        Supplier<String> health = token("grant_type=client_credentials&client_id=whittington-health-system"
                + "&client_secret=whittington-health-local-dev-secret");
        for (double share : wanted("webhooks") ? new double[]{0.25, 0.5} : new double[0]) {
            figure("share committed -> webhook received at " + (int) (share * 100) + "% of sustained",
                    () -> latencyToWebhook(police, health, Math.max(1, rate * share), share, seconds));
        }
        for (double share : wanted("front-door") ? new double[]{0.25, 0.5} : new double[0]) {
            figure("concern 201 -> front door told at " + (int) (share * 100) + "% of sustained",
                    () -> latencyToFrontDoor(police, csc, Math.max(1, rate * share), share, seconds));
        }
        if (wanted("status")) {
            figure("is anyone worried? lookups", () -> statusLookups(police, health, pgbin));
        }
        for (String size : wanted("chronology") ? env("BENCH_CHRONOLOGY_SIZES", "1000,10000").split(",") : new String[0]) {
            figure("chronology reads, " + size.trim() + " entries",
                    () -> chronologyReads(police, csc, lead, inspector, pgbin, Integer.parseInt(size.trim())));
        }
        if (wanted("measures")) {
            int ledger = Integer.parseInt(env("BENCH_MEASURES_LEDGER", "1000000"));
            int child = Integer.parseInt(env("BENCH_MEASURES_CHILD", "5000"));
            figure("partnership measures", () -> measures(police, csc, lead, inspector, pgbin, ledger, child));
        }
        int backlog = Integer.parseInt(env("BENCH_BACKLOG", "1000000"));
        if (backlog > 0 && wanted("catch-up")) {
            figure("audit catch-up", () -> auditCatchUp(pgbin, backlog));
        }
        if (wanted("verification")) {
            figure("ledger verification", () -> verification(inspector, pgbin));
        }
        if (wanted("identity")) {
            int common = Integer.parseInt(env("BENCH_COMMON_CHILDREN", "10000"));
            figure("identity", () -> commonNames(police, common, GIVEN.length));
            // The worst case: the family name and the given name both shared.
            figure("identity, one full name", () -> commonNames(police, common, 1));
        }
        for (String service : SERVICES) {
            ROWS.add(new String[]{"resident memory MiB, " + service + ", idle / under load",
                    idle.getOrDefault(service, -1L) + " / " + loaded.getOrDefault(service, -1L), "-", "-", "-", "-"});
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "| %-58s | %12s | %-44s | %12s | %6s | %-6s |%n", "figure", "measured",
                "baseline (same run)", "baseline", "ratio", "goal");
        System.out.println("| --- | ---: | --- | ---: | ---: | --- |");
        for (String[] r : ROWS) {
            System.out.printf(Locale.ROOT, "| %-58s | %12s | %-44s | %12s | %6s | %-6s |%n", (Object[]) r);
        }
    }

    /**
     * Whether BENCH_ONLY (a comma-separated list of concerns, overload, latency, webhooks, front-door, status, chronology, measures, catch-up, verification, identity)
     * asks for this figure; all of them when it is not set.
     */
    static boolean wanted(String figure) {
        String only = env("BENCH_ONLY", "");
        return only.isBlank() || Arrays.stream(only.split(",")).map(String::trim).anyMatch(figure::equals);
    }

    interface Figure {
        void measure() throws Exception;
    }

    /** Measures one figure; a failure is a row saying so, and the other figures still run. */
    static void figure(String name, Figure figure) {
        try {
            figure.measure();
        } catch (Exception | StackOverflowError e) {
            System.err.println(name + " failed: " + e);
            ROWS.add(new String[]{name, "failed", String.valueOf(e.getMessage()), "-", "-", "-"});
        }
    }

    static void row(String figure, double measured, String baselineName, double baseline, String goal) {
        ROWS.add(new String[]{figure, String.format(Locale.ROOT, "%.1f", measured), baselineName,
                String.format(Locale.ROOT, "%.1f", baseline), String.format(Locale.ROOT, "%.2f", measured / baseline), goal});
    }

    /** A table like the event store's (one jsonb row per event), in a scratch database. */
    static void prepareBaselineTable(String pgbin) throws Exception {
        run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-tAc",
                "select 1 from pg_database where datname = 'bench'"), true);
        run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-qc", "create database bench"), false);
        run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", "bench", "-qc",
                "create table if not exists bench_event (position bigserial primary key, event_id uuid not null unique, "
                        + "stream_id text not null, payload jsonb not null, recorded_at timestamptz not null default now())"), true);
    }

    static double pgbenchInsertRate(String pgbin, int clients, int seconds) throws Exception {
        Path script = Files.createTempFile("bench-insert", ".sql");
        Files.writeString(script, "insert into bench_event (event_id, stream_id, payload) values (gen_random_uuid(), "
                + "'concern-' || (random() * 1000000)::int, '{\"category\": \"neglect\", \"riskLevel\": \"medium\", "
                + "\"description\": \"Left alone overnight; no food in the flat; the neighbour called the police.\"}');\n");
        String out = run(List.of(pgbin + "/pgbench", "-n", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres",
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(), "bench"), true);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Closed-loop load; when {@code memory} is given, each service's resident size is sampled halfway. */
    static double concernsPerSecond(Supplier<String> token, int clients, int seconds, Map<String, Long> memory)
            throws Exception {
        if (memory != null) {
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 500L);
                    memory.putAll(residentMiB());
                } catch (Exception e) {
                    System.err.println("  (no memory sample: " + e + ")");
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        concurrently(clients, () -> {
            while (System.nanoTime() < end) {
                try {
                    HttpResponse<Void> r = HTTP.send(raise(token.get(), nhsNumber()), HttpResponse.BodyHandlers.discarding());
                    (r.statusCode() == 201 ? accepted : refused).incrementAndGet();
                } catch (IOException | InterruptedException e) {
                    refused.incrementAndGet();
                }
            }
        });
        if (refused.get() > 0) {
            System.err.println("  (" + refused.get() + " requests were not accepted)");
        }
        return accepted.get() / (double) seconds;
    }

    /**
     * Overload (issue 16): 256 integrators, each sending concern after concern with no pause, each with
     * its own Idempotency-Key and retrying it (after Retry-After on 503 and 409, after 1 s on no answer
     * within 10 s) until it has its 201: about ten times the load the service sustains. The accepted
     * rate is compared with the peak closed-loop rate of the same run; then every concern stored under
     * this run's tag must have been answered 201 to the client that sent it, and no answer may be a 500.
     */
    static void overload(Supplier<String> police, String pgbin, double measuredPeak, int seconds) throws Exception {
        double peak = measuredPeak > 0 ? measuredPeak : concernsPerSecond(police, 32, seconds, null);
        String tag = "overload-" + Long.toString(System.nanoTime(), 36);
        int clients = Integer.parseInt(env("BENCH_OVERLOAD_CLIENTS", "256"));
        AtomicLong attempts = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong inProgress = new AtomicLong();
        AtomicLong noAnswer = new AtomicLong();
        AtomicLong gaveUp = new AtomicLong();
        java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        long measureFrom = start + 5_000_000_000L; // the first seconds fill the queues
        long end = measureFrom + Math.max(10, seconds * 2L) * 1_000_000_000L;
        AtomicLong acceptedInWindow = new AtomicLong();
        Pattern concernId = Pattern.compile("\"concernId\":\"([^\"]+)\"");
        System.err.println("overload: " + clients + " clients retrying, against a peak of " + Math.round(peak) + "/s ...");
        concurrently(clients, () -> {
            while (System.nanoTime() < end) {
                String key = UUID.randomUUID().toString();
                HttpRequest request = HttpRequest.newBuilder(URI.create(CONCERNS + "/concerns"))
                        .header("Authorization", "Bearer " + police.get()).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).timeout(java.time.Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"child\": {\"nhsNumber\": \"" + nhsNumber()
                                + "\"}, \"category\": \"neglect\", \"riskLevel\": \"medium\", \"description\": "
                                + "\"Left alone overnight (bench " + tag + ").\", \"occurredAt\": \"2026-11-20T22:00:00Z\"}")).build();
                long giveUpAt = System.nanoTime() + 300_000_000_000L;
                while (true) {
                    long waitMs;
                    attempts.incrementAndGet();
                    try {
                        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            Matcher m = concernId.matcher(r.body());
                            if (m.find()) {
                                answered.add("concern-" + m.group(1));
                            }
                            (r.headers().firstValue("Idempotent-Replayed").isPresent() ? replayed : accepted).incrementAndGet();
                            long now = System.nanoTime();
                            if (now >= measureFrom && now < end) {
                                acceptedInWindow.incrementAndGet();
                            }
                            break;
                        }
                        if (r.statusCode() >= 500 && r.statusCode() != 503) {
                            serverErrors.incrementAndGet();
                        }
                        (r.statusCode() == 409 ? inProgress : busy).incrementAndGet();
                        waitMs = 1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"));
                    } catch (IOException e) {
                        noAnswer.incrementAndGet();
                        waitMs = 1000;
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (System.nanoTime() > giveUpAt) {
                        gaveUp.incrementAndGet();
                        break;
                    }
                    try {
                        Thread.sleep(waitMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        double rate = acceptedInWindow.get() / ((end - measureFrom) / 1e9);
        List<String> stored = List.of(run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", "concern",
                "-tAc", "select stream_id from event_store where event_type = 'concern-raised' and payload->>'description' like '%"
                        + tag + "%'"), true).trim().split("\\s+"));
        long storedUnanswered = stored.stream().filter(id -> !id.isBlank() && !answered.contains(id)).count();
        System.err.printf(Locale.ROOT, "  attempts %d (%.0f/s), accepted %d, replayed %d, 503 %d, 409 %d, no answer %d, 500 %d, gave up %d; "
                        + "stored %d, stored but not answered 201 %d%n", attempts.get(), attempts.get() / ((System.nanoTime() - start) / 1e9),
                accepted.get(), replayed.get(), busy.get(), inProgress.get(), noAnswer.get(), serverErrors.get(), gaveUp.get(),
                stored.size(), storedUnanswered);
        row("POST /concerns accepted per second at " + clients + " retrying clients", rate,
                "peak accepted per second, closed loop (same run)", peak, ">= 0.8");
        ROWS.add(new String[]{"overload: answers of 500 / stored but not answered 201", serverErrors.get() + " / " + storedUnanswered,
                "-", "-", "-", "0 / 0"});
    }

    /** Runs {@code body} on {@code clients} threads at once and waits for all of them. */
    static void concurrently(int clients, Runnable body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(body);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static HttpRequest raise(String token, String nhsNumber) {
        String body = "{\"child\": {\"nhsNumber\": \"" + nhsNumber + "\"}, \"category\": \"neglect\", "
                + "\"riskLevel\": \"medium\", \"description\": \"Left alone overnight; no food in the flat.\", "
                + "\"occurredAt\": \"2026-11-20T22:00:00Z\"}";
        return HttpRequest.newBuilder(URI.create(CONCERNS + "/concerns")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static final String[] GIVEN = {"Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar",
            "Charlie", "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Grace", "Freya", "Aisha", "Zara", "Kofi",
            "Ama", "Priya", "Rohan", "Kacper", "Zofia", "Chidi", "Tobi", "Ruby", "Daisy", "Alfie", "Theo", "Finley"};

    /** A concern about a child known by names and date of birth (no NHS number), the way most agencies know them. */
    static HttpRequest raiseByName(String token, String family, int givenNames, ThreadLocalRandom r) {
        LocalDate dob = LocalDate.of(2008, 1, 1).plusDays(r.nextInt(18 * 365));
        String body = "{\"child\": {\"familyName\": \"" + family + "\", \"givenName\": \"" + GIVEN[r.nextInt(givenNames)]
                + "\", \"dateOfBirth\": \"" + dob + "\", \"postcode\": \"N17 " + r.nextInt(10) + "AA\"}, \"category\": \"neglect\", "
                + "\"riskLevel\": \"medium\", \"description\": \"Left alone overnight; no food in the flat.\", "
                + "\"occurredAt\": \"2026-11-20T22:00:00Z\"}";
        return HttpRequest.newBuilder(URI.create(CONCERNS + "/concerns")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A family name nobody else has. */
    static String rareName(ThreadLocalRandom r) {
        StringBuilder s = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    /**
     * The cost of a common name: {@code children} children sharing one family name (and given names
     * from a list of {@code givenNames}; 1 is the worst case, one full name) are registered (8 clients),
     * then concerns about further children of that name and about children with a name nobody has are
     * sent interleaved by 8 clients, and the p99 of each is compared. A family name of its own per
     * run, so runs do not add up.
     */
    static void commonNames(Supplier<String> police, int children, int givenNames) throws Exception {
        String common = "Smith" + rareName(ThreadLocalRandom.current()).substring(1, 4);
        System.err.println("identity: registering " + children + " children named " + common + " ...");
        AtomicLong left = new AtomicLong(children);
        AtomicLong failed = new AtomicLong();
        concurrently(8, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (left.getAndDecrement() > 0) {
                try {
                    if (HTTP.send(raiseByName(police.get(), common, givenNames, r), HttpResponse.BodyHandlers.discarding()).statusCode() != 201) {
                        failed.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                }
            }
        });
        if (failed.get() > children / 100) {
            throw new IllegalStateException(failed.get() + " of the " + children + " registrations failed");
        }
        int each = Integer.parseInt(env("BENCH_IDENTITY_SAMPLES", "400"));
        List<Double> commonMs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> rareMs = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong turns = new AtomicLong(2L * each);
        concurrently(8, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            long turn;
            while ((turn = turns.getAndDecrement()) > 0) {
                boolean isCommon = turn % 2 == 0;
                HttpRequest request = raiseByName(police.get(), isCommon ? common : rareName(r), givenNames, r);
                long start = System.nanoTime();
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
                        (isCommon ? commonMs : rareMs).add((System.nanoTime() - start) / 1e6);
                    }
                } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                }
            }
        });
        String shared = givenNames == 1 ? "a full name " + children + " children share" : "a family name " + children + " children share";
        row("POST /concerns p99 ms, " + shared, percentile(commonMs, 99), "p99 ms, a family name nobody else has",
                percentile(rareMs, 99), "<= 2");
        row("POST /concerns p50 ms, " + shared, percentile(commonMs, 50), "p50 ms, a family name nobody else has",
                percentile(rareMs, 50), "-");
    }

    static HttpResponse<String> get(Supplier<String> token, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Open-loop POSTs at a fixed rate; for each 201, how long until the concern was in the audit
     * ledger and so readable in the chronology (the entry's ledgerRecordedAt minus the moment the
     * client had the 201; one clock, one machine). Against: Kafka's own producer perf tool, acks=all,
     * the same rate and record size, with the outbox relay's producer settings (linger.ms=1), on a
     * topic like the services' (6 partitions). The ledger is first left to drain what earlier loads
     * queued, so the figure is the path of one concern, not the backlog's.
     */
    static void latencyToChronology(Supplier<String> police, Supplier<String> lead, double rate, double share, int seconds)
            throws Exception {
        drain(police, lead);
        int n = Math.max(50, (int) (rate * seconds));
        record Sent(String childId, Instant answeredAt) {
        }
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        Pattern childId = Pattern.compile("\"childId\":\"([^\"]+)\"");
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.add(HTTP.sendAsync(raise(police.get(), nhsNumber()), HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                Instant at = Instant.now();
                Matcher m = childId.matcher(r.body());
                if (r.statusCode() == 201 && m.find()) {
                    sent.add(new Sent(m.group(1), at));
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        Pattern recorded = Pattern.compile("\"type\":\"concern-raised\".*?\"ledgerRecordedAt\":\"([^\"]+)\".*?\"data\":(.*?),\"entryHash\"");
        List<Double> latencies = new ArrayList<>();
        int recordSize = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (Sent s : sent) {
            while (true) {
                String body = get(lead, AUDIT + "/children/" + s.childId() + "/chronology?type=concern-raised").body();
                Matcher m = recorded.matcher(body);
                if (m.find()) {
                    latencies.add(Math.max(0, Duration.between(s.answeredAt(), Instant.parse(m.group(1))).toNanos() / 1e6));
                    recordSize = Math.max(recordSize, m.group(2).getBytes(StandardCharsets.UTF_8).length);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("concern for child " + s.childId() + " not in the chronology after 2 minutes");
                }
                Thread.sleep(200);
            }
        }
        double[] kafka = producerLatency(rate, n, recordSize);
        String at = String.format(Locale.ROOT, "%.0f/s (%.0f%% of sustained), %d concerns", rate, share * 100, latencies.size());
        double[] ours = {percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 99.9)};
        CHRONOLOGY_LATENCY.put(share, ours);
        String[] names = {"p50", "p99", "p99.9"};
        for (int i = 0; i < 3; i++) {
            row("201 -> chronology " + names[i] + " ms, " + at, ours[i], "Kafka producer " + names[i] + " ms, acks=all, " + recordSize + " B",
                    kafka[i], i == 1 ? "<= 2" : "-");
        }
    }

    /**
     * Share committed -> webhook received: the police share one concern each with Whittington Health at
     * a fixed rate (a share of the sustained concern rate); the health trust's system subscribes with a
     * receiver here, on loopback. The latency of each share is from its 201 (the event is committed in
     * the transaction that answered) to the moment its signed delivery reaches the receiver: outbox,
     * Kafka, notification-service's intake, the delivery worker, HTTP. Against: the 201 -> chronology
     * figure of the same run at the same share (concern -> outbox -> Kafka -> ledger), the other path
     * an event takes to be read.
     */
    static void latencyToWebhook(Supplier<String> police, Supplier<String> health, double rate, double share, int seconds)
            throws Exception {
        int n = Math.max(50, (int) (rate * seconds));
        Map<String, Instant> arrived = new java.util.concurrent.ConcurrentHashMap<>();
        Pattern resource = Pattern.compile("\"resource\":\\{\"type\":\"share\",\"id\":\"([^\"]+)\"");
        com.sun.net.httpserver.HttpServer receiver = webhookReceiver(body -> {
            Instant at = Instant.now();
            Matcher m = resource.matcher(body);
            if (m.find()) {
                arrived.putIfAbsent(m.group(1), at);
            }
        });
        String subscription = subscribe(health, receiver, "share-received");
        try {
            // The concerns first, so that the measured load is the shares alone.
            Pattern concernId = Pattern.compile("\"concernId\":\"([^\"]+)\"");
            List<String> concerns = java.util.Collections.synchronizedList(new ArrayList<>());
            inParallel(n, () -> {
                HttpResponse<String> r = HTTP.send(raise(police.get(), nhsNumber()), HttpResponse.BodyHandlers.ofString());
                Matcher m = concernId.matcher(r.body());
                if (r.statusCode() == 201 && m.find()) {
                    concerns.add(m.group(1));
                }
                return r.statusCode();
            });
            Map<String, Instant> committed = new java.util.concurrent.ConcurrentHashMap<>();
            Pattern shareId = Pattern.compile("\"shareId\":\"([^\"]+)\"");
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long start = System.nanoTime();
            long interval = (long) (1e9 / rate);
            for (int i = 0; i < concerns.size(); i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String body = "{\"toAgency\": \"whittington-health\", \"concernIds\": [\"" + concerns.get(i) + "\"], "
                        + "\"purpose\": \"safeguarding\", \"lawfulBasis\": \"public-task\", "
                        + "\"consent\": {\"status\": \"not-sought\", \"reason\": \"would place the child at risk\"}}";
                inFlight.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(CONCERNS + "/shares"))
                        .header("Authorization", "Bearer " + police.get()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                    Instant at = Instant.now();
                    Matcher m = shareId.matcher(r.body());
                    if (r.statusCode() == 201 && m.find()) {
                        committed.put(m.group(1), at);
                    }
                }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!arrived.keySet().containsAll(committed.keySet())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException((committed.size() - arrived.size()) + " webhooks not received after 2 minutes");
                }
                Thread.sleep(100);
            }
            List<Double> latencies = new ArrayList<>();
            committed.forEach((share1, at) -> latencies.add(Math.max(0, Duration.between(at, arrived.get(share1)).toNanos() / 1e6)));
            double[] baseline = CHRONOLOGY_LATENCY.get(share);
            if (baseline == null) {
                throw new IllegalStateException("no 201 -> chronology figure at this rate in this run");
            }
            String at = String.format(Locale.ROOT, "%.0f/s (%.0f%% of sustained), %d shares", rate, share * 100, latencies.size());
            row("share committed -> webhook received p50 ms, " + at, percentile(latencies, 50), "201 -> chronology p50 ms, same rate",
                    baseline[0], "-");
            row("share committed -> webhook received p99 ms, " + at, percentile(latencies, 99), "201 -> chronology p99 ms, same rate",
                    baseline[1], "-");
        } finally {
            unsubscribe(health, subscription);
            receiver.stop(0);
        }
    }


    /**
     * Concern 201 -> front door told: the police raise concerns at immediate risk about children in
     * Haringey (N17) at a fixed rate (a share of the sustained concern rate); Haringey's case system
     * subscribes to urgent-contact with a receiver here, on loopback. The latency of each concern is from
     * its 201 to the moment the signed urgent-contact delivery about its child reaches the receiver:
     * outbox, Kafka, referral-service's front door intake (the triage item and contact-received in one
     * transaction), its outbox, Kafka, notification-service, the delivery worker, HTTP. Against: the
     * 201 -> chronology figure of the same run at the same share (one hop through Kafka, not two).
     */
    static void latencyToFrontDoor(Supplier<String> police, Supplier<String> csc, double rate, double share, int seconds)
            throws Exception {
        int n = Math.max(50, (int) (rate * seconds));
        Map<String, Instant> arrived = new java.util.concurrent.ConcurrentHashMap<>();
        Pattern child = Pattern.compile("\"childId\":\"([^\"]+)\"");
        com.sun.net.httpserver.HttpServer receiver = webhookReceiver(body -> {
            Instant at = Instant.now();
            Matcher m = child.matcher(body);
            if (body.contains("\"urgent-contact\"") && m.find()) {
                arrived.putIfAbsent(m.group(1), at);
            }
        });
        String subscription = subscribe(csc, receiver, "urgent-contact");
        try {
            Map<String, Instant> answered = new java.util.concurrent.ConcurrentHashMap<>();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long start = System.nanoTime();
            long interval = (long) (1e9 / rate);
            for (int i = 0; i < n; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String body = "{\"child\": {\"nhsNumber\": \"" + nhsNumber() + "\", \"postcode\": \"N17 6AB\"}, "
                        + "\"category\": \"physical-abuse\", \"riskLevel\": \"immediate\", "
                        + "\"description\": \"A burn on the hand; the account given does not fit.\", \"occurredAt\": \"2026-11-20T22:00:00Z\"}";
                inFlight.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(CONCERNS + "/concerns"))
                        .header("Authorization", "Bearer " + police.get()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                    Instant at = Instant.now();
                    Matcher m = child.matcher(r.body());
                    if (r.statusCode() == 201 && m.find()) {
                        answered.put(m.group(1), at);
                    }
                }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!arrived.keySet().containsAll(answered.keySet())) {
                if (System.nanoTime() > deadline) {
                    answered.keySet().removeAll(arrived.keySet());
                    throw new IllegalStateException(answered.size() + " urgent-contact webhooks not received after 2 minutes");
                }
                Thread.sleep(100);
            }
            List<Double> latencies = new ArrayList<>();
            answered.forEach((id, at) -> latencies.add(Math.max(0, Duration.between(at, arrived.get(id)).toNanos() / 1e6)));
            double[] baseline = CHRONOLOGY_LATENCY.get(share);
            if (baseline == null) {
                throw new IllegalStateException("no 201 -> chronology figure at this rate in this run");
            }
            String at = String.format(Locale.ROOT, "%.0f/s (%.0f%% of sustained), %d concerns", rate, share * 100, latencies.size());
            row("concern 201 -> front door told p50 ms, " + at, percentile(latencies, 50), "201 -> chronology p50 ms, same rate",
                    baseline[0], "-");
            row("concern 201 -> front door told p99 ms, " + at, percentile(latencies, 99), "201 -> chronology p99 ms, same rate",
                    baseline[1], "-");
        } finally {
            unsubscribe(csc, subscription);
            receiver.stop(0);
        }
    }

    /**
     * "Is anyone worried?": an emergency department's system asks by NHS number, one request at a time,
     * about children the police raised concerns about (so known to the service, most with no status);
     * each lookup is recorded, an event is appended and the front door is told. Against: pgbench reading
     * the same child's row by its primary key in the same database, one client.
     */
    static void statusLookups(Supplier<String> police, Supplier<String> health, String pgbin) throws Exception {
        int children = 50;
        int times = Integer.parseInt(env("BENCH_STATUS_LOOKUPS", "2000"));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            String nhs = nhsNumber();
            HttpResponse<String> r = HTTP.send(raise(police.get(), nhs), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("could not raise a concern: " + r.statusCode() + " " + r.body());
            }
            numbers.add(nhs);
        }
        // The concerns reach referral-service's copy through Kafka; wait until the last is known.
        long deadline = System.nanoTime() + 120_000_000_000L;
        String last = numbers.get(numbers.size() - 1);
        while (run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", "referral", "-tAc",
                "select count(*) from known_child_nhs where nhs_number = '" + last + "'"), true).trim().equals("0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the concerns did not reach referral-service after 2 minutes");
            }
            Thread.sleep(200);
        }
        for (int i = 0; i < 200; i++) { // warm the path
            lookUp(health, numbers.get(i % children));
        }
        List<Double> ours = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = lookUp(health, numbers.get(i % children));
            ours.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("lookup answered " + r.statusCode() + " " + r.body());
            }
        }
        List<Double> raw = pgbenchLatencies(pgbin, "referral",
                "select child_id from known_child_nhs where nhs_number = '" + numbers.get(0) + "';", times);
        String what = String.format(Locale.ROOT, "%d lookups, one at a time", times);
        row("GET /child-status p50 ms, " + what, percentile(ours, 50), "primary-key read of the row p50 ms (pgbench)",
                percentile(raw, 50), "-");
        row("GET /child-status p99 ms, " + what, percentile(ours, 99), "primary-key read of the row p99 ms (pgbench)",
                percentile(raw, 99), "-");
    }

    static HttpResponse<String> lookUp(Supplier<String> health, String nhs) throws Exception {
        return get(health, REFERRALS + "/child-status?nhsNumber=" + nhs + "&purpose=Emergency+department+attendance");
    }

    /** A Standard Webhooks receiver on loopback: every delivery's body to the consumer, answered 204. */
    static com.sun.net.httpserver.HttpServer webhookReceiver(java.util.function.Consumer<String> deliveries) throws IOException {
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            deliveries.accept(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    static String subscribe(Supplier<String> system, com.sun.net.httpserver.HttpServer receiver, String kind) throws Exception {
        HttpResponse<String> made = post(system, NOTIFICATIONS + "/subscriptions", "{\"callbackUrl\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\", \"kinds\": [\"" + kind + "\"]}");
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(made.body());
        if (made.statusCode() != 201 || !id.find()) {
            receiver.stop(0);
            throw new IllegalStateException("could not subscribe: " + made.statusCode() + " " + made.body());
        }
        return id.group(1);
    }

    static void unsubscribe(Supplier<String> system, String subscription) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(NOTIFICATIONS + "/subscriptions/" + subscription))
                .header("Authorization", "Bearer " + system.get()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Audit catch-up: {@code events} record-accessed events (the most numerous kind) published onto
     * access.events as the services' relays publish them (CloudEvents headers, keyed by child, 10,000
     * children), as fast as the broker takes them; the rate is how many ledger entries audit-service
     * appends per second from the first publish until the last is in the ledger. Against: Kafka's
     * ConsumerPerformance reading as many messages from the same topic, and pgbench transactions
     * that each insert 100 rows into an event-like table (one client: the ledger has one writer).
     */
    static void auditCatchUp(String pgbin, int events) throws Exception {
        long before = ledgerSeq(pgbin);
        long t0 = System.nanoTime();
        publishAccesses(events);
        double published = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "  published in %.1f s; waiting for the ledger ...%n", published);
        awaitLedger(pgbin, before + events);
        double caughtUp = events / ((System.nanoTime() - t0) / 1e9);
        String out = run(List.of("java", "-cp", KAFKA_LIB, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                KAFKA, "--topic", "access.events", "--messages", Integer.toString(events), "--group",
                "bench-" + java.util.UUID.randomUUID()), true);
        double consumed = column(out, "nMsg.sec");
        String label = String.format(Locale.ROOT, "%,d events", events);
        row("audit catch-up, ledger entries/s, " + label, caughtUp, "Kafka ConsumerPerformance msgs/s", consumed, "-");
        row("audit catch-up, ledger entries/s, " + label, caughtUp, "pgbench 100-row insert tx, rows/s", pgbench100(pgbin),
                ">= 0.5");
    }

    /** Waits (up to an hour) until the ledger's last entry is at least {@code seq}. */
    static void awaitLedger(String pgbin, long seq) throws Exception {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (ledgerSeq(pgbin) < seq) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger did not catch up within an hour");
            }
            Thread.sleep(2000);
        }
    }

    /** Publishes {@code events} record-accessed events (the most numerous kind) about 10,000 children. */
    static void publishAccesses(int events) throws Exception {
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            children.add(java.util.UUID.randomUUID().toString());
        }
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", KAFKA);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("linger.ms", "20");
        config.put("batch.size", Integer.toString(256 * 1024));
        System.err.println("publishing " + events + " record-accessed events ...");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String child = children.get(i % children.size());
                String id = java.util.UUID.randomUUID().toString();
                String at = Instant.now().toString();
                String payload = "{\"accessId\":\"" + id + "\",\"childId\":\"" + child + "\",\"actorId\":\"bench\","
                        + "\"agencyId\":\"haringey-csc\",\"what\":\"chronology\",\"reference\":\"GET /children/" + child
                        + "/chronology\",\"purpose\":null,\"accessedAt\":\"" + at + "\"}";
                var record = new org.apache.kafka.clients.producer.ProducerRecord<>("access.events", child, payload);
                String[][] headers = {{"ce_specversion", "1.0"}, {"ce_id", id}, {"ce_source", "/bench"},
                        {"ce_type", "record-accessed"}, {"ce_subject", child}, {"ce_time", at},
                        {"content-type", "application/json"}, {"ce_schemaversion", "1"}, {"ce_agencyid", "haringey-csc"},
                        {"ce_actorid", "bench"}, {"ce_recordedat", at}};
                for (String[] h : headers) {
                    record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * The partnership's measures (issue 18) over a ledger of at least {@code ledgerTarget} entries (topped up with
     * record-accessed events), against reading the whole chronology of a child with about {@code childSize}
     * entries (made through the APIs, so its referrals are in the measures too), interleaved in the same run.
     */
    static void measures(Supplier<String> police, Supplier<String> csc, Supplier<String> lead, Supplier<String> inspector,
                         String pgbin, int ledgerTarget, int childSize) throws Exception {
        LargeChild large = largeChild(police, csc, lead, childSize);
        long have = Long.parseLong(run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d",
                "audit", "-tAc", "select count(*) from ledger_entry"), true).trim());
        if (have < ledgerTarget) {
            long before = ledgerSeq(pgbin);
            System.err.printf(Locale.ROOT, "the ledger holds %,d entries: publishing %,d more ...%n", have, ledgerTarget - have);
            publishAccesses((int) (ledgerTarget - have));
            awaitLedger(pgbin, before + ledgerTarget - have);
            have = ledgerTarget;
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String url = AUDIT + "/measures?area=Haringey&from=" + today.minusDays(30) + "&to=" + today;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = get(inspector, url);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /measures answered " + r.statusCode() + ": " + r.body());
            }
            wholeChronology(lead, large.id(), large.entries());
        }
        awaitQuiet();
        List<Double> measured = new ArrayList<>();
        List<Double> chronology = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            chronology.add(wholeChronology(lead, large.id(), large.entries()));
            long t0 = System.nanoTime();
            get(inspector, url);
            measured.add((System.nanoTime() - t0) / 1e6);
        }
        String ledger = String.format(Locale.ROOT, "%,d ledger entries", have);
        String child = String.format(Locale.ROOT, "%,d entries", large.entries());
        for (int p : new int[]{50, 99}) {
            row("partnership measures, 30 days, p" + p + " ms, " + ledger, percentile(measured, p),
                    "whole chronology p" + p + " ms, " + child, percentile(chronology, p), "<= 10");
        }
    }

    /** A column of a perf tool's summary: the header line names the columns, the next line has the values. */
    static double column(String out, String name) {
        String[] lines = out.split("\\R");
        for (int i = 0; i + 1 < lines.length; i++) {
            List<String> headers = Arrays.stream(lines[i].split(",")).map(String::trim).toList();
            int at = headers.indexOf(name);
            if (at >= 0) {
                return Double.parseDouble(lines[i + 1].split(",")[at].trim());
            }
        }
        throw new IllegalStateException("no " + name + " in: " + out);
    }

    static long ledgerSeq(String pgbin) throws Exception {
        return Long.parseLong(run(List.of(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", "audit",
                "-tAc", "select coalesce(max(seq), 0) from ledger_entry"), true).trim());
    }

    /** Rows per second of one pgbench client inserting 100 event-like rows per transaction, for 10 s. */
    static double pgbench100(String pgbin) throws Exception {
        Path script = Files.createTempFile("bench-insert100", ".sql");
        Files.writeString(script, "insert into bench_event (event_id, stream_id, payload) select gen_random_uuid(), "
                + "'access-' || g, '{\"what\": \"chronology\", \"reference\": \"GET /children/x/chronology\"}' "
                + "from generate_series(1, 100) g;\n");
        String out = run(List.of(pgbin + "/pgbench", "-n", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-c", "1",
                "-T", "10", "-f", script.toString(), "bench"), true);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return 100 * Double.parseDouble(m.group(1));
    }

    /** Waits (up to 5 minutes) until a single concern reaches the chronology within a second: no backlog. */
    static void drain(Supplier<String> police, Supplier<String> lead) throws Exception {
        Pattern childId = Pattern.compile("\"childId\":\"([^\"]+)\"");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher m = childId.matcher(HTTP.send(raise(police.get(), nhsNumber()), HttpResponse.BodyHandlers.ofString()).body());
            if (!m.find()) {
                continue;
            }
            long sent = System.nanoTime();
            while (!get(lead, AUDIT + "/children/" + m.group(1) + "/chronology?type=concern-raised").body()
                    .contains("\"type\":\"concern-raised\"")) {
                Thread.sleep(50);
            }
            if (System.nanoTime() - sent < 1_000_000_000L) {
                awaitQuiet();
                return;
            }
            System.err.println("  the audit ledger is still catching up ...");
        }
        throw new IllegalStateException("the audit ledger did not drain in 5 minutes");
    }

    /**
     * Waits (at most two minutes) until the machine is quiet: under a quarter of its CPU busy over a
     * second. The ledger having caught up is not enough: after a closed-loop load the other consumers
     * (referral-service, the services' views, flags) still work through thousands of events, and a
     * fixed-rate run started then measured their backlog, not one concern's path (the first two
     * seconds of a 125/s run held every latency above 40 ms).
     */
    static void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long[] before = cpuTicks();
            Thread.sleep(1000);
            long[] after = cpuTicks();
            double busy = 1.0 - (double) (after[1] - before[1]) / Math.max(1, after[0] - before[0]);
            if (busy < 0.25) {
                return;
            }
        }
        System.err.println("  (the machine did not become quiet in two minutes; measuring anyway)");
    }

    /** Total and idle (idle + iowait) CPU ticks since boot, from /proc/stat. */
    static long[] cpuTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[]{total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** p50, p99 and p99.9 in ms from Kafka's ProducerPerformance at this rate and record size. */
    static double[] producerLatency(double rate, int records, int recordSize) throws Exception {
        String topic = "bench.producer-latency";
        run(List.of("java", "-cp", KAFKA_LIB, "org.apache.kafka.tools.TopicCommand", "--bootstrap-server", KAFKA, "--create",
                "--if-not-exists", "--topic", topic, "--partitions", "6", "--replication-factor", "1"), true);
        String out = run(List.of("java", "-cp", KAFKA_LIB, "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", Integer.toString(records), "--record-size", Integer.toString(Math.max(1, recordSize)),
                "--throughput", Integer.toString((int) Math.ceil(rate)), "--producer-props", "bootstrap.servers=" + KAFKA,
                "acks=all", "enable.idempotence=true", "linger.ms=1", "max.in.flight.requests.per.connection=5"), true);
        Matcher m = Pattern.compile("([0-9.]+) ms 50th, ([0-9.]+) ms 95th, ([0-9.]+) ms 99th, ([0-9.]+) ms 99.9th").matcher(out);
        String[] last = null;
        while (m.find()) {
            last = new String[]{m.group(1), m.group(3), m.group(4)};
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance said: " + out);
        }
        return new double[]{Double.parseDouble(last[0]), Double.parseDouble(last[1]), Double.parseDouble(last[2])};
    }

    /**
     * One child with about {@code target} chronology entries, all made through the APIs: up to 500
     * concerns from the police (each with the bigger-picture flag it raises), then referrals to
     * children's social care citing one of them, each made, acknowledged, decided and closed (four
     * entries). Then p50/p99 of reading the chronology's first page (100 entries) and the whole of it
     * (pages of 1,000), against the same rows read by the equivalent SQL through pgbench.
     */
    static void chronologyReads(Supplier<String> police, Supplier<String> csc, Supplier<String> lead,
                                Supplier<String> inspector, String pgbin, int target) throws Exception {
        LargeChild large = largeChild(police, csc, lead, target);
        String child = large.id();
        String concern = large.concern();
        long entries = large.entries();
        // The read path is warmed (its JIT compilation took most of the service's CPU in the first hundred
        // reads) and the machine left to settle (the ledger ingests each read's record-accessed) before timing.
        for (int i = 0; i < 200; i++) {
            get(lead, AUDIT + "/children/" + child + "/chronology?limit=100");
        }
        awaitQuiet();
        List<Double> firstPage = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            get(lead, AUDIT + "/children/" + child + "/chronology?limit=100");
            firstPage.add((System.nanoTime() - t0) / 1e6);
        }
        List<Double> whole = new ArrayList<>();
        int wholeReads = entries >= 5_000 ? 5 : 20;
        for (int i = 0; i < wholeReads; i++) {
            whole.add(wholeChronology(lead, child, entries));
        }
        String columns = "select seq, event_id, event_type, occurred_at, source_recorded_at, recorded_at, agency_id, actor_id, "
                + "source, payload::text, entry_hash, child_hash, child_id from ledger_entry where child_id = '" + child
                + "' and event_type not in ('record-accessed', 'record-access-refused') order by occurred_at, seq";
        awaitQuiet();
        List<Double> rawFirst = pgbenchLatencies(pgbin, "audit", columns + " limit 100;", 100);
        List<Double> rawWhole = pgbenchLatencies(pgbin, "audit", columns + ";", wholeReads);
        String label = String.format(Locale.ROOT, "%,d entries", entries);
        row("chronology first page p50 ms, " + label, percentile(firstPage, 50), "the same 100 rows by SQL (pgbench) p50 ms",
                percentile(rawFirst, 50), "-");
        row("chronology first page p99 ms, " + label, percentile(firstPage, 99), "the same 100 rows by SQL (pgbench) p99 ms",
                percentile(rawFirst, 99), "<= 3");
        row("whole chronology p50 ms, " + label, percentile(whole, 50), "the same rows by SQL (pgbench) p50 ms",
                percentile(rawWhole, 50), "-");
        row("whole chronology p99 ms, " + label, percentile(whole, 99), "the same rows by SQL (pgbench) p99 ms",
                percentile(rawWhole, 99), "-");
        needToKnowCost(police, lead, inspector, child, concern, label);
    }

    /** One child with many chronology entries, made through the APIs; its id, its first concern, and its entries. */
    record LargeChild(String id, String concern, long entries) {
    }

    /** Milliseconds to read a child's whole chronology, in pages of 1,000. */
    static double wholeChronology(Supplier<String> lead, String child, long entries) throws Exception {
        long t0 = System.nanoTime();
        for (long offset = 0; offset < entries; offset += 1000) {
            get(lead, AUDIT + "/children/" + child + "/chronology?limit=1000&offset=" + offset);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static LargeChild largeChild(Supplier<String> police, Supplier<String> csc, Supplier<String> lead, int target)
            throws Exception {
        int concerns = Math.max(1, Math.min(target / 2, 500));
        int referrals = Math.max(0, (target - 2 * concerns) / 4);
        String nhs = nhsNumber();
        HttpResponse<String> first = HTTP.send(raise(police.get(), nhs), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"childId\":\"([^\"]+)\".*").matcher(first.body());
        Matcher concernId = Pattern.compile("\"concernId\":\"([^\"]+)\"").matcher(first.body());
        if (first.statusCode() != 201 || !id.find() || !concernId.find()) {
            throw new IllegalStateException("could not raise the first concern: " + first.body());
        }
        String child = id.group(1);
        String concern = concernId.group(1);
        System.err.println("one child: " + concerns + " concerns and " + referrals + " referrals ...");
        inParallel(concerns - 1, () -> HTTP.send(raise(police.get(), nhs), HttpResponse.BodyHandlers.discarding()).statusCode());
        String referral = "{\"childId\": \"" + child + "\", \"toAgency\": \"haringey-csc\", \"concernIds\": [\"" + concern
                + "\"], \"reason\": \"bench\", \"urgency\": \"routine\", \"familyInformed\": \"told\", "
                + "\"consent\": {\"status\": \"given\"}}";
        Pattern referralId = Pattern.compile("\"referralId\":\"([^\"]+)\"");
        inParallel(referrals, () -> {
            HttpResponse<String> made = post(police, REFERRALS + "/referrals", referral);
            Matcher m = referralId.matcher(made.body());
            if (made.statusCode() != 201 || !m.find()) {
                return made.statusCode(); // the concern may not have reached referral-service yet: tried again
            }
            String at = REFERRALS + "/referrals/" + m.group(1);
            post(csc, at + "/acknowledgement", "");
            post(csc, at + "/decision", "{\"outcome\": \"no-further-action\", \"reason\": \"bench\"}");
            return post(csc, at + "/closure", "{\"reason\": \"bench\"}").statusCode();
        });
        Pattern total = Pattern.compile("\"total\":([0-9]+)");
        long entries = 0;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            Matcher raised = total.matcher(get(lead, AUDIT + "/children/" + child + "/chronology?type=concern-raised&limit=1").body());
            Matcher closed = total.matcher(get(lead, AUDIT + "/children/" + child + "/chronology?type=referral-closed&limit=1").body());
            if (raised.find() && Long.parseLong(raised.group(1)) >= concerns && closed.find()
                    && Long.parseLong(closed.group(1)) >= referrals) {
                Matcher all = total.matcher(get(lead, AUDIT + "/children/" + child + "/chronology?limit=1").body());
                entries = all.find() ? Long.parseLong(all.group(1)) : 0;
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the audit ledger did not catch up with child " + child + " in 10 minutes");
            }
            Thread.sleep(1000);
        }
        return new LargeChild(child, concern, entries);
    }

    /**
     * What the need-to-know policy costs the chronology's first page (issue 13): read as the child's front
     * door (the whole picture, through the policy), as a school the police sent one concern (that one in full,
     * every other entry a headline with whom to call), and as the inspector's replay reads it (the same
     * query, no policy: the chronology's time before the policy), interleaved so drift hits all three alike.
     */
    static void needToKnowCost(Supplier<String> police, Supplier<String> frontDoor, Supplier<String> inspector, String child,
                               String concern, String label) throws Exception {
        Supplier<String> school = userToken("dsl.riverside-academy");
        String first = AUDIT + "/children/" + child + "/chronology?limit=100";
        String replay = AUDIT + "/inspection/children/" + child + "/chronology?limit=100";
        if (get(school, first).statusCode() != 200) {
            HttpResponse<String> shared = post(police, CONCERNS + "/shares", "{\"toAgency\": \"riverside-academy\", "
                    + "\"concernIds\": [\"" + concern + "\"], \"purpose\": \"safeguarding\", \"lawfulBasis\": \"public-task\", "
                    + "\"consent\": {\"status\": \"not-sought\", \"reason\": \"bench\"}}");
            if (shared.statusCode() != 201) {
                throw new IllegalStateException("could not share with the school: " + shared.body());
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (get(school, first).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the school never came to see the child");
                }
                Thread.sleep(200);
            }
        }
        if (!get(school, first).body().contains("\"visibility\":\"headline\"")) {
            throw new IllegalStateException("the school's first page holds no headline: the figure would not measure them");
        }
        for (int i = 0; i < 200; i++) {
            get(frontDoor, first);
            get(school, first);
            get(inspector, replay);
        }
        awaitQuiet();
        List<Double> asFrontDoor = new ArrayList<>();
        List<Double> asSchool = new ArrayList<>();
        List<Double> asReplay = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            asReplay.add(timed(inspector, replay));
            asFrontDoor.add(timed(frontDoor, first));
            asSchool.add(timed(school, first));
        }
        for (int p : new int[]{50, 99}) {
            row("chronology first page p" + p + " ms through need to know, front door, " + label, percentile(asFrontDoor, p),
                    "the same page without the policy (inspector's replay) p" + p + " ms", percentile(asReplay, p), "<= 1.5");
            row("chronology first page p" + p + " ms through need to know, headlines, " + label, percentile(asSchool, p),
                    "the same page without the policy (inspector's replay) p" + p + " ms", percentile(asReplay, p), "<= 1.5");
        }
    }

    static double timed(Supplier<String> token, String url) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(token, url);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Runs {@code task} until it has answered 2xx {@code times} times, on 8 threads. */
    static void inParallel(int times, java.util.concurrent.Callable<Integer> task) throws Exception {
        AtomicLong remaining = new AtomicLong(times);
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                while (remaining.getAndDecrement() > 0) {
                    int status;
                    try {
                        status = task.call();
                    } catch (Exception e) {
                        status = -1;
                    }
                    if (status / 100 != 2) {
                        remaining.incrementAndGet();
                        if (failures.incrementAndGet() > 1000) {
                            throw new IllegalStateException("more than 1,000 failed requests (last status " + status + ")");
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 1000) {
            throw new IllegalStateException("more than 1,000 failed requests");
        }
    }

    static HttpResponse<String> post(Supplier<String> token, String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Per-transaction latencies (ms) of one SQL statement run {@code times} times by one pgbench client. */
    static List<Double> pgbenchLatencies(String pgbin, String database, String sql, int times) throws Exception {
        Path dir = Files.createTempDirectory("bench-pgbench");
        Path script = dir.resolve("read.sql");
        Files.writeString(script, sql + "\n");
        run(List.of(pgbin + "/pgbench", "-n", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-c", "1", "-t",
                Integer.toString(times), "-f", script.toString(), "-l", "--log-prefix=" + dir.resolve("latency"), database), true);
        List<Double> latencies = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("latency")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 2) {
                        latencies.add(Long.parseLong(fields[2]) / 1000.0);
                    }
                }
            }
        }
        return latencies;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** Each service's resident set size (VmRSS) in MiB, from the pids the local stack records. */
    static Map<String, Long> residentMiB() throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path pid = PIDS.resolve(service + ".pid");
            if (!Files.exists(pid)) {
                continue;
            }
            Path status = Path.of("/proc", Files.readString(pid).trim(), "status");
            if (!Files.exists(status)) {
                continue;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    sizes.put(service, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        }
        return sizes;
    }

    /**
     * Ledger verification rate against SHA-256 over the same canonical bytes in a plain loop, and against
     * PostgreSQL handing over the same rows (the columns verification reads, through COPY to a discarding
     * client): the first is the goal's baseline, the second a bound no reader of the rows can pass.
     */
    static void verification(Supplier<String> token, String pgbin) throws Exception {
        HttpResponse<InputStream> ledger = HTTP.send(HttpRequest.newBuilder(URI.create(AUDIT + "/inspection/ledger"))
                .header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<byte[]> canonical = new ArrayList<>();
        String key = "\"canonical\":\"";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ledger.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int start = line.indexOf(key);
                if (start >= 0) {
                    canonical.add(unquote(line, start + key.length() - 1).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        long t0 = System.nanoTime();
        byte[] previous = new byte[32];
        for (int round = 0; round < 5; round++) {
            for (byte[] bytes : canonical) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(previous);
                sha.update(bytes);
                previous = sha.digest();
            }
        }
        double rawPerSecond = 5.0 * canonical.size() / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        String answer = get(token, AUDIT + "/inspection/verification").body();
        double elapsed = (System.nanoTime() - t1) / 1e9;
        Matcher m = Pattern.compile("\"checked\":([0-9]+)").matcher(answer);
        long checked = m.find() ? Long.parseLong(m.group(1)) : 0;
        row("ledger verification, entries/s (" + checked + " entries)", checked / elapsed,
                "SHA-256 chain over the same bytes", rawPerSecond, ">= 0.5");
        long t2 = System.nanoTime();
        Process copy = new ProcessBuilder(pgbin + "/psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", "audit",
                "-Xqc", "copy (select seq, event_id, source, event_type, subject, occurred_at, schema_version, agency_id, "
                + "actor_id, correlation_id, causation_id, source_recorded_at, payload::text, entry_hash, child_hash, child_id, "
                + "understood from ledger_entry order by seq) to stdout")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (copy.waitFor() != 0) {
            throw new IllegalStateException("psql copy of the ledger failed");
        }
        double copied = checked / ((System.nanoTime() - t2) / 1e9);
        row("ledger verification, entries/s (" + checked + " entries)", checked / elapsed,
                "the same rows by SQL (COPY, discarded), rows/s", copied, "-");
    }

    /** The JSON string starting at {@code json[open]} (its opening quote), unescaped; scanned, not matched. */
    static String unquote(String json, int open) {
        StringBuilder s = new StringBuilder();
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return s.toString();
            }
            if (c == '\\') {
                char n = json.charAt(++i);
                switch (n) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'r' -> s.append('\r');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> s.append(n);
                }
            } else {
                s.append(c);
            }
        }
        throw new IllegalStateException("unterminated JSON string");
    }

    static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    static Supplier<String> userToken(String user) {
        return token("grant_type=password&client_id=joinedup-demo&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=local-dev-only");
    }

    /** A token from Keycloak, fetched again after five minutes (the realm's tokens live fifteen). */
    static Supplier<String> token(String form) {
        return new Supplier<>() {
            String current;
            long fetchedAt;

            @Override
            public synchronized String get() {
                if (current == null || System.nanoTime() - fetchedAt > 300_000_000_000L) {
                    try {
                        String body = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
                        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
                        if (!m.find()) {
                            throw new IllegalStateException("no token from Keycloak: " + body);
                        }
                        current = m.group(1);
                        fetchedAt = System.nanoTime();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("Keycloak unreachable", e);
                    }
                }
                return current;
            }
        };
    }

    static String run(List<String> command, boolean mustSucceed) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (mustSucceed && rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
