package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A person's name where the platform records only who acted (the subject of their token): asked of the identity
 * provider that issued the token, as the console's own client (client credentials; Keycloak's admin API with the
 * realm-management role view-users), and remembered for a while. A person it cannot name (an agency system, a
 * subject it does not know, the provider unreachable) is "someone at" their agency: never an id
 * (decision 0015).
 */
@ApplicationScoped
public class People {
    private static final Logger LOG = Logger.getLogger(People.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REMEMBERED = Duration.ofMinutes(10);

    private final String issuer;
    private final String clientId;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile Token token;

    private record Known(Optional<String> name, Instant until) {
    }

    private record Token(String value, Instant until) {
    }

    public People(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
                  @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
                  @ConfigProperty(name = "quarkus.oidc.credentials.secret") String secret) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** The person's name; otherwise "Someone at {agency}" (or "Someone" without an agency). */
    public String name(String subject, String agencyName) {
        String fallback = agencyName == null || agencyName.isBlank() ? "Someone" : "Someone at " + agencyName;
        if (subject == null || subject.isBlank()) {
            return fallback;
        }
        Known k = known.get(subject);
        if (k == null || k.until().isBefore(Instant.now())) {
            k = new Known(lookUp(subject), Instant.now().plus(REMEMBERED));
            known.put(subject, k);
        }
        return k.name().orElse(fallback);
    }

    private Optional<String> lookUp(String subject) {
        if (!subject.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer.replace("/realms/", "/admin/realms/") + "/users/"
                    + subject)).timeout(Duration.ofSeconds(3)).header("Authorization", "Bearer " + token()).GET().build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode user = JSON.readTree(answer.body());
            String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("people: could not name a person (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String token() throws java.io.IOException, InterruptedException {
        Token t = token;
        if (t != null && t.until().isAfter(Instant.now())) {
            return t.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new java.io.IOException("token endpoint answered " + answer.statusCode());
        }
        JsonNode body = JSON.readTree(answer.body());
        Token fresh = new Token(body.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(10, body.path("expires_in").asLong(60) - 10)));
        token = fresh;
        return fresh.value();
    }
}
