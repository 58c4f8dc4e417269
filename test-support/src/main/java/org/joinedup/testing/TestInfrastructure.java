package org.joinedup.testing;

import java.nio.file.Path;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use and stopped when
 * the JVM exits (also when tests fail). Quarkus loads test classes through more than one class
 * loader, so what is running is remembered in system properties, which every loader shares.
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

    /** Starts both servers unless this JVM already did. */
    public static void ensureStarted() {
        synchronized (System.class) {
            if (System.getProperty(STARTED) != null) {
                return;
            }
            PostgresServer pg = PostgresServer.start();
            System.setProperty(PG_BIN, pg.binDirPath());
            System.setProperty(PG_DATA, pg.dataDirPath());
            System.setProperty(PG_RUN, pg.runDirPath());
            System.setProperty(PG_PORT, Integer.toString(pg.port()));
            KafkaBroker kafka;
            try {
                kafka = KafkaBroker.start(Processes.projectRoot().resolve("target/test-infra"));
            } catch (RuntimeException e) {
                pg.stop();
                throw e;
            }
            System.setProperty(KAFKA_DIR, kafka.dir().toString());
            System.setProperty(KAFKA_PORT, Integer.toString(kafka.port()));
            System.setProperty(KAFKA_CONTROLLER_PORT, Integer.toString(kafka.controllerPort()));
            System.setProperty(STARTED, "true");
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "joinedup-test-infra-stop"));
        }
    }

    public static PostgresServer postgres() {
        ensureStarted();
        return PostgresServer.attach(System.getProperty(PG_BIN), System.getProperty(PG_DATA),
                System.getProperty(PG_RUN), Integer.getInteger(PG_PORT));
    }

    public static KafkaBroker kafka() {
        ensureStarted();
        return KafkaBroker.attach(System.getProperty(KAFKA_DIR), Integer.getInteger(KAFKA_PORT),
                Integer.getInteger(KAFKA_CONTROLLER_PORT));
    }

    private static void stopAll() {
        try {
            KafkaBroker broker = KafkaBroker.attach(System.getProperty(KAFKA_DIR), Integer.getInteger(KAFKA_PORT),
                    Integer.getInteger(KAFKA_CONTROLLER_PORT));
            broker.stop();
            PostgresServer.deleteQuietly(Path.of(System.getProperty(KAFKA_DIR)));
        } finally {
            PostgresServer.attach(System.getProperty(PG_BIN), System.getProperty(PG_DATA), System.getProperty(PG_RUN),
                    Integer.getInteger(PG_PORT)).stop();
        }
    }
}
