package org.joinedup.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL server and Kafka broker a test JVM uses: the build's shared ones when
 * {@link SharedInfrastructure} runs, otherwise a pair this JVM starts on first use and stops when
 * it exits (also when tests fail). Quarkus loads test classes through more than one class loader,
 * so the coordinates are kept in system properties, which every loader shares.
 */
public final class TestInfrastructure {
    private static final String STARTED = "joinedup.test.infra.started";
    private static final String PG_BIN = "joinedup.test.pg.bin";
    private static final String PG_DATA = "joinedup.test.pg.data";
    private static final String PG_RUN = "joinedup.test.pg.run";
    private static final String PG_PORT = "joinedup.test.pg.port";
    private static final String KAFKA_DIR = "joinedup.test.kafka.dir";
    private static final String KAFKA_PORT = "joinedup.test.kafka.port";
    private static final String KAFKA_CONTROLLER_PORT = "joinedup.test.kafka.controller-port";

    private TestInfrastructure() {
    }

    /** Attaches to the build's servers, or starts this JVM's own, unless already done. */
    public static void ensureStarted() {
        synchronized (System.class) {
            if (System.getProperty(STARTED) != null) {
                return;
            }
            Optional<Properties> shared = SharedInfrastructure.attachIfRunning(Duration.ofSeconds(120));
            if (shared.isPresent()) {
                System.getProperties().putAll(shared.get());
                System.setProperty(STARTED, "shared");
                return;
            }
            Properties own = startServers(Processes.projectRoot().resolve("target/test-infra"));
            System.getProperties().putAll(own);
            System.setProperty(STARTED, "own");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopServers(own);
                PostgresServer.deleteQuietly(Path.of(own.getProperty(KAFKA_DIR)));
            }, "joinedup-test-infra-stop"));
        }
    }

    public static PostgresServer postgres() {
        ensureStarted();
        return postgres(System.getProperties());
    }

    public static KafkaBroker kafka() {
        ensureStarted();
        return kafka(System.getProperties());
    }

    /** Starts a PostgreSQL server and a Kafka broker (under {@code kafkaParent}); returns their coordinates. */
    static Properties startServers(Path kafkaParent) {
        PostgresServer pg = PostgresServer.start();
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(kafkaParent);
        } catch (RuntimeException e) {
            pg.stop();
            throw e;
        }
        Properties p = new Properties();
        p.setProperty(PG_BIN, pg.binDirPath());
        p.setProperty(PG_DATA, pg.dataDirPath());
        p.setProperty(PG_RUN, pg.runDirPath());
        p.setProperty(PG_PORT, Integer.toString(pg.port()));
        p.setProperty(KAFKA_DIR, kafka.dir().toString());
        p.setProperty(KAFKA_PORT, Integer.toString(kafka.port()));
        p.setProperty(KAFKA_CONTROLLER_PORT, Integer.toString(kafka.controllerPort()));
        return p;
    }

    /** Stops the broker (whichever process runs it now) and the PostgreSQL server. */
    static void stopServers(Properties p) {
        try {
            kafka(p).stop();
        } finally {
            postgres(p).stop();
        }
    }

    static String describe(Properties p) {
        return "PostgreSQL on 127.0.0.1:" + p.getProperty(PG_PORT) + ", Kafka on 127.0.0.1:" + p.getProperty(KAFKA_PORT);
    }

    private static PostgresServer postgres(Properties p) {
        return PostgresServer.attach(p.getProperty(PG_BIN), p.getProperty(PG_DATA), p.getProperty(PG_RUN),
                Integer.parseInt(p.getProperty(PG_PORT)));
    }

    private static KafkaBroker kafka(Properties p) {
        return KafkaBroker.attach(p.getProperty(KAFKA_DIR), Integer.parseInt(p.getProperty(KAFKA_PORT)),
                Integer.parseInt(p.getProperty(KAFKA_CONTROLLER_PORT)));
    }
}
