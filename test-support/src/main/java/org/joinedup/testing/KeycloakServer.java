package org.joinedup.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Keycloak (its Maven Central distribution, unpacked by the build) on a free loopback port, in
 * development mode with the project's realm imported afresh: for tests that sign people in through a
 * browser and need real tokens. Its credentials are the realm file's local-development ones.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "joinedup";
    private final Path home;
    private final int port;
    private final Path log;
    private Process process;

    private KeycloakServer(Path home, int port, Path log) {
        this.home = home;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak from {@code home} (an unpacked keycloak-quarkus-dist) with {@code realm} imported, each
     * {@code replacements} key in the realm file replaced by its value first (a console's address, say).
     * Waits until the realm's OpenID configuration answers: 30 to 90 s on a first start.
     */
    public static KeycloakServer start(Path home, Path realm, Map<String, String> replacements) {
        int port = Processes.freePort();
        try {
            Path data = home.resolve("data");
            PostgresServer.deleteQuietly(data);
            Files.createDirectories(data.resolve("import"));
            String text = Files.readString(realm);
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            Files.writeString(data.resolve("import").resolve(realm.getFileName()), text);
            Path dir = Processes.projectRoot().resolve("target/test-infra");
            Files.createDirectories(dir);
            Path log = Files.createTempFile(dir, "keycloak-", ".log");
            KeycloakServer server = new KeycloakServer(home, port, log);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare Keycloak in " + home, e);
        }
    }

    private void launch() throws IOException {
        String url = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + url, "--import-realm",
                "--health-enabled=false", "--cache=local"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Local development only: the administrator of a Keycloak that lives for one test run.
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-local-dev-only");
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m");
        builder.environment().put("JAVA_HOME", Path.of(KafkaBroker.java()).getParent().getParent().toString());
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        awaitReady(Duration.ofSeconds(180));
    }

    /** The realm's issuer, for {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** Keycloak's origin, for a Content-Security-Policy's form-action. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** An access token for a demo user (the realm's password-grant client, local development only). */
    public String userToken(String username, String password) {
        return token("grant_type=password&client_id=joinedup-demo&username=" + enc(username) + "&password=" + enc(password));
    }

    /** An access token for an agency's system (client credentials, local development secrets). */
    public String clientToken(String clientId, String secret) {
        return token("grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
    }

    private String token(String form) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Keycloak refused a token: " + r.statusCode());
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak and every process it started. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
