package org.joinedup.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.joinedup.testing.KafkaBroker;
import org.joinedup.testing.PostgresServer;
import org.joinedup.testing.Processes;
import org.joinedup.testing.ServiceProcess;
import org.joinedup.testing.TestTokens;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The chaos harness (issue 16). It starts a PostgreSQL server, one Kafka broker or a cluster of
 * three, and one or two instances of each service, all of its own; offers concerns at a fixed rate
 * with idempotent retries ({@link ConcernLoad}); SIGKILLs each part in turn (one instance of each
 * service, the broker or the cluster's active controller, PostgreSQL), brings it back and times its
 * recovery; then proves that every concern answered 201 is in the audit ledger exactly once, that no
 * concern was stored without its sender being answered, that every outbox is empty and that every
 * dead-letter topic is empty. {@code tools/chaos/run.sh} runs it; {@code ChaosIT} runs it in the build.
 */
public final class Chaos {
    /** Starts the services side by side, each on a thread of its own. */
    private static final java.util.concurrent.Executor STARTERS = java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("chaos-start-", 0).factory());

    static final Map<String, String> DATABASES = new LinkedHashMap<>();

    static {
        DATABASES.put("concern-service", "chaos_concern");
        DATABASES.put("referral-service", "chaos_referral");
        DATABASES.put("agency-directory-service", "chaos_directory");
        DATABASES.put("audit-service", "chaos_audit");
    }

    /** What to run: how many brokers and instances, how fast, how long each part stays down. */
    public record Settings(int brokers, int instances, double rate, Duration down, Duration settle) {
        public static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("chaos.brokers", 1), Integer.getInteger("chaos.instances", 1),
                    Double.parseDouble(System.getProperty("chaos.rate", "10")),
                    Duration.ofSeconds(Long.getLong("chaos.down-seconds", 2)),
                    Duration.ofSeconds(Long.getLong("chaos.settle-seconds", 3)));
        }

        @Override
        public String toString() {
            return brokers + (brokers == 1 ? " broker, " : " brokers, ") + instances
                    + (instances == 1 ? " instance" : " instances") + " of each service, " + (int) rate + " concerns/s, each part down "
                    + down.toSeconds() + " s";
        }
    }

    /**
     * One part killed: how long it was down (kill to restarted process), how long until every service
     * was ready again (kill to ready), and the longest wait between two accepted concerns meanwhile.
     */
    public record Part(String name, long downMillis, long readyMillis, long pauseMillis) {
    }

    public record Report(Settings settings, long sent, long attempts, long accepted, long retried, long lost, long duplicated,
                         long storedUnanswered, long serverErrors, long gaveUp, long outbox, long deadLetters, List<Part> parts) {
        public boolean clean() {
            return accepted == sent && lost == 0 && duplicated == 0 && storedUnanswered == 0 && serverErrors == 0
                    && gaveUp == 0 && outbox == 0 && deadLetters == 0;
        }

        public String table() {
            StringBuilder t = new StringBuilder();
            t.append("chaos: ").append(settings).append('\n');
            t.append(String.format(Locale.ROOT, "sent %d, attempts %d, accepted %d, retried %d, lost %d, duplicated %d, "
                            + "stored but not answered %d, answers of 500 %d, given up %d, left in outboxes %d, dead letters %d%n",
                    sent, attempts, accepted, retried, lost, duplicated, storedUnanswered, serverErrors, gaveUp, outbox, deadLetters));
            t.append("| part killed (SIGKILL) | down s | kill -> all ready s | longest wait between 201s s |\n");
            t.append("| --- | ---: | ---: | ---: |\n");
            for (Part p : parts) {
                t.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", p.name(), p.downMillis() / 1000.0,
                        p.readyMillis() / 1000.0, p.pauseMillis() / 1000.0));
            }
            return t.toString();
        }
    }

    /** Eight services and three brokers on two cores start slowly: a restart took 53 s under load. */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(Settings.fromSystemProperties());
        System.out.println(report.table());
        System.exit(report.clean() ? 0 : 1);
    }

    public static Report run(Settings s) throws Exception {
        Path dir = Processes.projectRoot().resolve("target/chaos");
        PostgresServer pg = PostgresServer.start();
        List<KafkaBroker> brokers = new ArrayList<>();
        Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
        try {
            brokers.addAll(s.brokers() == 1 ? List.of(KafkaBroker.start(dir)) : KafkaBroker.startCluster(dir, s.brokers()));
            String bootstrap = brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
            for (int i = 0; i < s.instances(); i++) {
                List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
                for (Map.Entry<String, String> m : DATABASES.entrySet()) {
                    ServiceProcess p = new ServiceProcess(m.getKey(), m.getValue(), Processes.freePort(), pg, bootstrap)
                            .property("joinedup.kafka.replication-factor", Integer.toString(Math.min(3, s.brokers())))
                            .property("joinedup.kafka.min-insync-replicas", Integer.toString(Math.min(2, s.brokers())));
                    services.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(p);
                    // A thread per service: the common pool may have a single worker on a small machine.
                    starting.add(CompletableFuture.supplyAsync(() -> p.start(STARTUP), STARTERS));
                }
                starting.forEach(CompletableFuture::join);
            }
            awaitAllReady(services, Duration.ofSeconds(120));

            String tag = Long.toString(System.nanoTime(), 36);
            ConcernLoad load = new ConcernLoad(services.get("concern-service").stream().map(ServiceProcess::baseUrl).toList(),
                    freshToken(), tag);
            load.start(s.rate());
            sleep(s.settle().multipliedBy(2));
            List<Part> parts = new ArrayList<>();
            for (List<ServiceProcess> instances : services.values()) {
                ServiceProcess victim = instances.get(0);
                parts.add(killAndRecover(victim.module() + (s.instances() > 1 ? " (1 of " + s.instances() + ")" : ""), s, services, load,
                        victim::kill, () -> victim.start(STARTUP)));
            }
            KafkaBroker broker = brokers.size() == 1 ? brokers.get(0) : activeController(brokers);
            parts.add(killAndRecover(brokers.size() == 1 ? "Kafka broker" : "Kafka broker " + broker.nodeId() + " (the active controller)",
                    s, services, load, broker::kill, broker::startProcess));
            parts.add(killAndRecover("PostgreSQL", s, services, load, pg::kill, pg::startAgain));
            sleep(s.settle());
            load.stopAndDrain(Duration.ofMinutes(6));

            String tagLike = "%(chaos " + tag + ").%";
            List<String> eventIds = load.accepted.values().stream().map(ConcernLoad.Accepted::eventId).toList();
            long inLedger = awaitLedger(pg, eventIds, Duration.ofMinutes(3));
            long stored = count(pg, "chaos_concern", "select count(*) from event_store where event_type = 'concern-raised' "
                    + "and payload->>'description' like ?", tagLike);
            long ledgerRows = count(pg, "chaos_audit", "select count(*) from ledger_entry where event_type = 'concern-raised' "
                    + "and payload->>'description' like ?", tagLike);
            long outbox = awaitEmptyOutboxes(pg, Duration.ofMinutes(2));
            long deadLetters = deadLetters(bootstrap);
            long accepted = load.accepted.size();
            return new Report(s, load.sent.get(), load.attempts.get(), accepted, load.retried(), accepted - inLedger,
                    Math.max(0, ledgerRows - inLedger), Math.max(0, stored - accepted), load.serverErrors.get(), load.gaveUp.get(),
                    outbox, deadLetters, parts);
        } finally {
            services.values().forEach(list -> list.forEach(ServiceProcess::kill));
            brokers.forEach(KafkaBroker::kill);
            pg.stop();
        }
    }

    /** The police's system client; test tokens live five minutes, so a new one every two. */
    private static java.util.function.Supplier<String> freshToken() {
        return new java.util.function.Supplier<>() {
            private String token;
            private long signedAt;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - signedAt > TimeUnit.MINUTES.toNanos(2)) {
                    token = TestTokens.token("chaos-system", "met-police", "practitioner");
                    signedAt = System.nanoTime();
                }
                return token;
            }
        };
    }

    interface Action {
        void run() throws Exception;
    }

    private static Part killAndRecover(String name, Settings s, Map<String, List<ServiceProcess>> services, ConcernLoad load,
                                       Action kill, Action restart) throws Exception {
        System.err.println("chaos: killing " + name);
        long killedAt = System.nanoTime();
        kill.run();
        sleep(s.down());
        restart.run();
        long restartedAt = System.nanoTime();
        awaitAllReady(services, Duration.ofMinutes(3));
        long readyAt = System.nanoTime();
        sleep(s.settle());
        return new Part(name, TimeUnit.NANOSECONDS.toMillis(restartedAt - killedAt), TimeUnit.NANOSECONDS.toMillis(readyAt - killedAt),
                load.longestPause(killedAt, readyAt + s.settle().toNanos()));
    }

    private static void awaitAllReady(Map<String, List<ServiceProcess>> services, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (List<ServiceProcess> instances : services.values()) {
            for (ServiceProcess p : instances) {
                while (!p.ready()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(p.module() + " was not ready within " + atMost + "; see " + p.log());
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static KafkaBroker activeController(List<KafkaBroker> brokers) throws Exception {
        String bootstrap = brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int leader = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
            return brokers.stream().filter(b -> b.nodeId() == leader).findFirst().orElseThrow();
        }
    }

    private static long awaitLedger(PostgresServer pg, List<String> eventIds, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long found;
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("chaos_audit"), "postgres", "");
                 PreparedStatement ps = c.prepareStatement("select count(*) from ledger_entry where event_id = any(?)")) {
                Array ids = c.createArrayOf("uuid", eventIds.toArray());
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    found = rs.getLong(1);
                }
            }
            if (found == eventIds.size() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(500);
        }
    }

    private static long awaitEmptyOutboxes(PostgresServer pg, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long left = 0;
            for (String database : DATABASES.values()) {
                left += count(pg, database, "select count(*) from outbox");
            }
            if (left == 0 || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(500);
        }
    }

    private static long count(PostgresServer pg, String database, String sql, String... parameters) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), "postgres", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Records ever written to any dead-letter topic. */
    private static long deadLetters(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dead-letter")).toList();
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
