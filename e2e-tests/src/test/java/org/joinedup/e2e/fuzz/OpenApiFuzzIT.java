package org.joinedup.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.joinedup.testing.ServiceProcess;
import org.joinedup.testing.TestInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service, read from its own OpenAPI document, is sent plausible requests by every kind of
 * caller and then thousands of bad ones (issue 16). Whatever it is sent: no answer is a 5xx; every
 * 4xx, 401 and 403 included, is {@code application/problem+json} with a title and a detail; every
 * 400 names each field and the rule it broke; and a 401 carries the Bearer challenge. A new endpoint
 * is covered as soon as it is in the document.
 */
class OpenApiFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AGENCY = "met-police";
    /** Who calls: each role, a caller with no token, and one whose token is signed by a stranger. */
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("practitioner", TestTokens.token("fuzz-practitioner", AGENCY, "practitioner"));
        CALLERS.put("safeguarding-lead", TestTokens.token("fuzz-lead", AGENCY, "safeguarding-lead"));
        CALLERS.put("inspector", TestTokens.token("fuzz-inspector", AGENCY, "inspector"));
        CALLERS.put("directory-admin", TestTokens.token("fuzz-admin", AGENCY, "directory-admin"));
        CALLERS.put("agency-system", TestTokens.token("fuzz-system", AGENCY, "practitioner", "agency-system"));
        CALLERS.put("no token", null);
        CALLERS.put("untrusted token", TestTokens.signWithUntrustedKey(TestTokens.claims("fuzz-stranger", AGENCY, "safeguarding-lead")));
    }

    static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        TestInfrastructure.ensureStarted();
        for (String module : List.of("concern-service", "referral-service", "agency-directory-service", "audit-service")) {
            services.put(module, new ServiceProcess(module, "fuzz_" + module.replace('-', '_')).start());
        }
        // notification-service reaches its database through the reactive client as well.
        services.put("notification-service", new ServiceProcess("notification-service", "fuzz_notification_service")
                .property("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + TestInfrastructure.postgres().port()
                        + "/fuzz_notification_service").start());
    }

    @AfterAll
    static void stop() {
        services.values().forEach(ServiceProcess::stop);
    }

    @ParameterizedTest
    @ValueSource(strings = {"concern-service", "referral-service", "agency-directory-service", "audit-service", "notification-service"})
    void no_request_however_malformed_gets_a_5xx_and_every_refusal_is_a_problem_naming_its_field(String module) throws Exception {
        ServiceProcess service = services.get(module);
        String document = send(service, new OpenApiRequests.Request("document", "GET", "/q/openapi?format=json", Map.of(), null), null).body();
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("agencyId", AGENCY);
        OpenApiRequests requests = new OpenApiRequests(document, samples);
        List<OpenApiRequests.Operation> operations = new ArrayList<>(requests.operations());
        // Creations first, so the identifiers they answer with are used by the rest.
        operations.sort((a, b) -> Boolean.compare(!a.method().equals("POST"), !b.method().equals("POST")));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (OpenApiRequests.Operation op : operations) {
            String main = null;
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                Answer r = check(service, requests.plausible(op), caller, op, failures, statuses);
                sent++;
                if (r != null && r.statusCode() != 401 && r.statusCode() != 403 && main == null && caller.getValue() != null) {
                    main = caller.getKey();
                }
                if (r != null && r.statusCode() / 100 == 2) {
                    harvest(r.body(), samples);
                }
            }
            Map.Entry<String, String> caller = Map.entry(main == null ? "practitioner" : main, CALLERS.get(main == null ? "practitioner" : main));
            for (OpenApiRequests.Request bad : requests.bad(op)) {
                check(service, bad, caller, op, failures, statuses);
                sent++;
            }
        }
        System.out.printf("%s: %d operations, %d requests; answers by status %s%n", module, operations.size(), sent, statuses);
        assertTrue(operations.size() > 3, "the document lists the service's operations");
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the rules, for example:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static Answer check(ServiceProcess service, OpenApiRequests.Request request, Map.Entry<String, String> caller,
                                              OpenApiRequests.Operation op, List<String> failures, Map<Integer, Integer> statuses) {
        Answer r;
        try {
            r = send(service, request, caller.getValue());
        } catch (IllegalArgumentException notSendable) {
            return null; // the client itself refuses such a header or URI: nothing reaches the service
        } catch (Exception e) {
            failures.add(op + " [" + request.label() + "] as " + caller.getKey() + ": no answer (" + e + ")");
            return null;
        }
        statuses.merge(r.statusCode(), 1, Integer::sum);
        String why = broken(r);
        if (why != null) {
            failures.add(op + " [" + request.label() + "] as " + caller.getKey() + ": " + r.statusCode() + " " + why);
        }
        return r;
    }

    /** What is wrong with an answer, or null. */
    static String broken(Answer r) {
        int status = r.statusCode();
        if (status >= 500) {
            return "a server error: " + abbreviate(r.body());
        }
        if (status < 400) {
            return null;
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not problem+json but '" + type + "': " + abbreviate(r.body());
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(r.body());
        } catch (Exception e) {
            return "a problem that is not JSON: " + abbreviate(r.body());
        }
        if (problem.path("title").asText("").isBlank() || problem.path("detail").asText("").isBlank()) {
            return "a problem without a title and a detail: " + abbreviate(r.body());
        }
        if (status == 400) {
            JsonNode violations = problem.path("violations");
            if (!violations.isArray() || violations.isEmpty()) {
                return "a 400 that names no field: " + abbreviate(r.body());
            }
            for (JsonNode v : violations) {
                if (v.path("field").asText("").isBlank() || v.path("rule").asText("").isBlank()) {
                    return "a 400 violation without its field and rule: " + abbreviate(r.body());
                }
            }
        }
        if (status == 401 && r.headers().firstValue("WWW-Authenticate").filter(h -> h.startsWith("Bearer")).isEmpty()) {
            return "a 401 without the Bearer challenge";
        }
        return null;
    }

    /** An answer: its status, headers and body (for an event stream, none: it would never end). */
    record Answer(int statusCode, java.net.http.HttpHeaders headers, String body) {
    }

    static Answer send(ServiceProcess service, OpenApiRequests.Request request, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<java.io.InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = r.body()) {
            boolean stream = r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
            return new Answer(r.statusCode(), r.headers(),
                    stream ? "" : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Identifiers from a successful answer, by field name, for later requests' parameters. */
    private static void harvest(String body, Map<String, String> samples) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node.isArray() && !node.isEmpty()) {
                node = node.get(0);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().endsWith("Id") && f.getValue().isTextual() && !f.getKey().equals("agencyId")) {
                    samples.putIfAbsent(f.getKey(), f.getValue().asText());
                }
            }
        } catch (Exception notJson) {
            // nothing to learn from it
        }
    }

    private static String abbreviate(String s) {
        String flat = String.valueOf(s).replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
