package org.joinedup.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) running as its own process
 * from Apache Kafka's jars, fetched from Maven Central by the {@code deploy/kafka-broker} module. It
 * can be stopped, killed and started again on the same ports and data, so tests can take it away.
 */
public final class KafkaBroker {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final int nodeId;

    KafkaBroker(Path dir, int port, int controllerPort) {
        this(dir, port, controllerPort, 1);
    }

    private KafkaBroker(Path dir, int port, int controllerPort, int nodeId) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
    }

    /** Formats a new single-node cluster in a new folder and starts it. */
    public static KafkaBroker start(Path parent) {
        try {
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, "kafka-");
            KafkaBroker broker = new KafkaBroker(dir, Processes.freePort(), Processes.freePort());
            broker.writeConfig("1@127.0.0.1:" + broker.controllerPort, 1);
            broker.format(Uuid.randomUuid().toString());
            broker.startProcess();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka folder", e);
        }
    }

    /**
     * Formats and starts a cluster of {@code nodes} KRaft nodes, each broker and controller, on
     * loopback ports: the controllers form one quorum, internal topics are replicated to three nodes
     * (or all, when fewer) and {@code min.insync.replicas} is 2 (1 for a single node).
     */
    public static List<KafkaBroker> startCluster(Path parent, int nodes) {
        try {
            Files.createDirectories(parent);
            List<KafkaBroker> cluster = new java.util.ArrayList<>();
            for (int id = 1; id <= nodes; id++) {
                cluster.add(new KafkaBroker(Files.createTempDirectory(parent, "kafka-" + id + "-"),
                        Processes.freePort(), Processes.freePort(), id));
            }
            String voters = String.join(",", cluster.stream().map(b -> b.nodeId + "@127.0.0.1:" + b.controllerPort).toList());
            String clusterId = Uuid.randomUuid().toString();
            for (KafkaBroker b : cluster) {
                b.writeConfig(voters, nodes);
                b.format(clusterId);
            }
            cluster.forEach(KafkaBroker::launch);
            cluster.forEach(b -> b.awaitReady(Duration.ofSeconds(120)));
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka folders", e);
        }
    }

    /** This node's id in its cluster (1 for a single broker). */
    public int nodeId() {
        return nodeId;
    }

    private void format(String clusterId) {
        Processes.run(List.of(java(), "-cp", classpath(), "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", dir.resolve("server.properties").toString()), dir.resolve("format.log"), 120);
    }

    static KafkaBroker attach(String dir, int port, int controllerPort) {
        return new KafkaBroker(Path.of(dir), port, controllerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker process (again) and waits until it answers. */
    public synchronized void startProcess() {
        if (pid().isPresent()) {
            return;
        }
        launch();
        awaitReady(Duration.ofSeconds(90));
    }

    private synchronized void launch() {
        try {
            Process p = new ProcessBuilder(java(), "-Xms256m", "-Xmx768m", "-XX:+UseG1GC",
                    "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                    "-Dkafka.logs.dir=" + dir.resolve("logs"),
                    "-cp", classpath(), "kafka.Kafka", dir.resolve("server.properties").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile()))
                    .start();
            Files.writeString(dir.resolve("broker.pid"), Long.toString(p.pid()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker", e);
        }
    }

    /** Stops the broker cleanly (SIGTERM) and waits for it to exit. */
    public synchronized void stop() {
        pid().ifPresent(pid -> {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
            forgetPid();
        });
    }

    /** Kills the broker (SIGKILL), as a crash would. */
    public synchronized void kill() {
        pid().ifPresent(pid -> {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroyForcibly();
                try {
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // gone or going
                }
            });
            forgetPid();
        });
    }

    public boolean running() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    Path dir() {
        return dir;
    }

    int port() {
        return port;
    }

    int controllerPort() {
        return controllerPort;
    }

    private Optional<Long> pid() {
        try {
            Path f = dir.resolve("broker.pid");
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(f).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void forgetPid() {
        try {
            Files.deleteIfExists(dir.resolve("broker.pid"));
        } catch (IOException ignored) {
            // the process is gone; a stale file is ignored by pid()
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (pid().isEmpty()) {
                throw new IllegalStateException("the Kafka broker exited; see " + dir.resolve("broker.out"));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", ie);
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout, last);
    }

    private void writeConfig(String voters, int nodes) throws IOException {
        int replicas = Math.min(3, nodes);
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=6",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=6",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + Math.min(2, nodes),
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + Math.min(2, nodes),
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + Math.min(2, nodes),
                "group.initial.rebalance.delay.ms=0",
                ""));
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + dir.resolve("broker.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = WARN",
                ""));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classpath() {
        Path lib = Optional.ofNullable(System.getProperty("joinedup.kafka.lib")).map(Path::of)
                .orElse(Processes.projectRoot().resolve("deploy/kafka-broker/target/lib"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no Kafka broker jars in " + lib
                    + ": run ./mvnw -pl deploy/kafka-broker generate-resources (./mvnw verify does it)");
        }
        return lib.resolve("*").toString();
    }
}
