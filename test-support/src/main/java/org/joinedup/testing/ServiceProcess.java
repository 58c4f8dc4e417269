package org.joinedup.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app}) running as its own process in the prod
 * profile, pointed at the test infrastructure and at {@link TestTokens}' public key. It can be
 * stopped (SIGTERM), killed (SIGKILL) and started again on the same port and database.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String module;
    private final int port;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Path log;
    private Process process;

    public ServiceProcess(String module, String database) {
        this(module, database, Processes.freePort());
    }

    /**
     * A packaged module on a given port; with {@code database} null it is given no database and no
     * broker (the web console has neither).
     */
    public ServiceProcess(String module, String database, int port) {
        this(module, database, port, database == null ? null : TestInfrastructure.postgres(),
                database == null ? null : TestInfrastructure.kafka().bootstrapServers());
    }

    /**
     * A packaged module pointed at the given PostgreSQL server and Kafka brokers rather than the
     * build's shared ones (the chaos harness brings its own, to kill them). Instances given the same
     * database share it and, through the group prefix, their consumer groups.
     */
    public ServiceProcess(String module, String database, int port, PostgresServer pg, String bootstrapServers) {
        this.module = module;
        this.port = port;
        properties.put("quarkus.http.port", Integer.toString(port));
        if (database != null) {
            pg.createDatabase(database);
            properties.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
            properties.put("kafka.bootstrap.servers", bootstrapServers);
            properties.put("quarkus.oidc.public-key", TestTokens.publicKey());
            properties.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
            properties.put("joinedup.kafka.group-prefix", database + ".");
        }
        properties.put("quarkus.log.console.json.enabled", "false");
        try {
            Path dir = Processes.projectRoot().resolve("target/test-infra");
            Files.createDirectories(dir);
            this.log = Files.createTempFile(dir, module + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
    }

    /** Trusts tokens from a real identity provider (a test Keycloak) instead of the test signing key. */
    public ServiceProcess oidc(String authServerUrl) {
        properties.remove("quarkus.oidc.public-key");
        properties.remove("quarkus.oidc.token.issuer");
        properties.put("quarkus.oidc.auth-server-url", authServerUrl);
        return this;
    }

    /** One more configuration property for the process. */
    public ServiceProcess property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public String module() {
        return module;
    }

    /** Whether the service reports itself ready (database, broker and consumers up): one probe. */
    public boolean ready() {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
                    .send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the process and waits (up to a minute) until it is live and answers HTTP. */
    public ServiceProcess start() {
        return start(Duration.ofSeconds(60));
    }

    /** Starts the process and waits until it is live; a busy machine (many processes on two cores) needs longer. */
    public synchronized ServiceProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path app = Processes.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: package the service first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>(List.of(KafkaBroker.java(), "-Xmx384m"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", app.toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module, e);
        }
        awaitLive(timeout);
        return this;
    }

    /** SIGTERM: a graceful stop, as an orchestrator would do. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            waitExit();
        }
    }

    /** SIGKILL: the process dies at once, as in a crash or an out-of-memory kill. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitExit();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void waitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitLive(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/live"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(module + " was not live within " + timeout + "; see " + log);
    }
}
