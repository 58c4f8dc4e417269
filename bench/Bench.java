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
import java.util.ArrayList;
import java.util.List;
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
    static final String PG_PORT = env("JOINEDUP_PG_PORT", "55432");
    static final List<String[]> ROWS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(env("BENCH_SECONDS", "10"));
        String pgbin = args.length > 0 ? args[0] : "/usr/lib/postgresql/15/bin";
        String police = clientToken("met-police-system", "met-police-local-dev-secret");
        String inspector = userToken("inspector.ofsted");

        prepareBaselineTable(pgbin);
        // Warm up: the services' JIT compilers and pools, so the measured loads see steady state.
        int warmup = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "15"));
        System.err.println("warming up for " + warmup + " s ...");
        concernsPerSecond(police, 8, warmup);
        for (int clients : new int[]{8, 32}) {
            double raw = pgbenchInsertRate(pgbin, clients, seconds);
            double accepted = concernsPerSecond(police, clients, seconds);
            row("POST /concerns accepted per second, " + clients + " clients", accepted, "single-row insert tx/s (pgbench)", raw,
                    ">= 0.5");
        }
        verification(inspector);

        System.out.println();
        System.out.printf(Locale.ROOT, "| %-52s | %12s | %-36s | %12s | %6s | %-6s |%n", "figure", "measured",
                "baseline (same run)", "baseline", "ratio", "goal");
        System.out.println("| --- | ---: | --- | ---: | ---: | --- |");
        for (String[] r : ROWS) {
            System.out.printf(Locale.ROOT, "| %-52s | %12s | %-36s | %12s | %6s | %-6s |%n", (Object[]) r);
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

    static double concernsPerSecond(String token, int clients, int seconds) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String body = "{\"child\": {\"nhsNumber\": \"" + nhsNumber() + "\"}, \"category\": \"neglect\", "
                            + "\"riskLevel\": \"medium\", \"description\": \"Left alone overnight; no food in the flat.\", "
                            + "\"occurredAt\": \"2026-11-20T22:00:00Z\"}";
                    try {
                        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(CONCERNS + "/concerns"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 201 ? accepted : refused).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        refused.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (refused.get() > 0) {
            System.err.println("  (" + refused.get() + " requests were not accepted)");
        }
        return accepted.get() / (double) seconds;
    }

    /** Ledger verification rate against SHA-256 over the same canonical bytes in a plain loop. */
    static void verification(String token) throws Exception {
        HttpResponse<InputStream> ledger = HTTP.send(HttpRequest.newBuilder(URI.create(AUDIT + "/inspection/ledger"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<byte[]> canonical = new ArrayList<>();
        Pattern field = Pattern.compile("\"canonical\":(\"(?:[^\"\\\\]|\\\\.)*\")");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ledger.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = field.matcher(line);
                if (m.find()) {
                    canonical.add(unquote(m.group(1)).getBytes(StandardCharsets.UTF_8));
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
        String answer = HTTP.send(HttpRequest.newBuilder(URI.create(AUDIT + "/inspection/verification"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        double elapsed = (System.nanoTime() - t1) / 1e9;
        Matcher m = Pattern.compile("\"checked\":([0-9]+)").matcher(answer);
        long checked = m.find() ? Long.parseLong(m.group(1)) : 0;
        row("ledger verification, entries/s (" + checked + " entries)", checked / elapsed,
                "SHA-256 chain over the same bytes", rawPerSecond, ">= 0.5");
    }

    static String unquote(String json) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
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
        return s.toString();
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

    static String clientToken(String client, String secret) throws Exception {
        return token("grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret);
    }

    static String userToken(String user) throws Exception {
        return token("grant_type=password&client_id=joinedup-demo&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=local-dev-only");
    }

    static String token(String form) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token from Keycloak: " + body);
        }
        return m.group(1);
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
