package org.joinedup.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * One PostgreSQL server and one Kafka broker for a whole Maven build. The {@code test-support}
 * module's build starts this class's {@link #main} as a child process of Maven (exec-maven-plugin,
 * asynchronously); it starts both servers, writes where they are to
 * {@code target/test-infra/shared/infra.properties} and stops them as soon as Maven exits, whether
 * the build passed, failed or was killed. Test JVMs attach to it through
 * {@link TestInfrastructure}; a test JVM that finds no live supervisor (a single module run with
 * {@code -pl}) starts servers of its own instead.
 */
public final class SharedInfrastructure {
    private SharedInfrastructure() {
    }

    static Path dir() {
        return Processes.projectRoot().resolve("target/test-infra/shared");
    }

    /** The coordinates of the build's servers, waiting while the supervisor is still starting them. */
    static Optional<Properties> attachIfRunning(Duration wait) {
        Path dir = dir();
        Optional<ProcessHandle> supervisor = readPid(dir.resolve("supervisor.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        if (supervisor.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.resolve("infra.properties");
        Instant deadline = Instant.now().plus(wait);
        while (!Files.exists(file)) {
            if (!supervisor.get().isAlive() || Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            sleep(200);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        return supervisor.get().isAlive() ? Optional.of(p) : Optional.empty();
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle maven = ProcessHandle.current().parent().orElse(null);
        Path dir = dir();
        PostgresServer.deleteQuietly(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("supervisor.pid"), Long.toString(ProcessHandle.current().pid()));

        Properties coordinates;
        try {
            coordinates = TestInfrastructure.startServers(dir);
        } catch (RuntimeException e) {
            System.err.println("shared test infrastructure could not start; test JVMs will start their own: " + e);
            Files.deleteIfExists(dir.resolve("supervisor.pid"));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TestInfrastructure.stopServers(coordinates);
            PostgresServer.deleteQuietly(dir);
        }, "shared-test-infra-stop"));

        Path tmp = dir.resolve("infra.properties.tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            coordinates.store(w, "the build's shared test infrastructure");
        }
        Files.move(tmp, dir.resolve("infra.properties"), StandardCopyOption.ATOMIC_MOVE);
        System.out.println("[joinedup] shared test infrastructure up: " + TestInfrastructure.describe(coordinates));

        // Stop when the build ends, however it ends.
        while (maven == null || maven.isAlive()) {
            sleep(500);
        }
        System.exit(0);
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
