package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;

/**
 * Admission control (issue 16): one request runs, one waits, the next is refused at once with 503 and
 * Retry-After; a waiting request keeps its body and runs when its turn comes; health is never held
 * back. The running request is held by locking the event store from a second connection.
 */
@QuarkusTest
@TestProfile(OverloadTest.OneAtATime.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class OverloadTest {
    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joinedup.http.admission.max-concurrent", "1",
                    "joinedup.http.admission.max-queued", "1",
                    "joinedup.http.admission.queue-timeout", "3S");
        }
    }

    /**
     * Each client on a thread of its own: the common pool may have one worker on a small machine (and
     * from Java 21 CompletableFuture uses it even then), so a second blocked request would never be sent.
     */
    static final java.util.concurrent.Executor CLIENTS = java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("overload-client-", 0).factory());

    @Inject
    DataSource dataSource;

    @Test
    void beyond_the_bound_a_request_is_refused_at_once_and_a_queued_one_keeps_its_body() throws Exception {
        String first = TestNhsNumbers.next();
        String second = TestNhsNumbers.next();
        CompletableFuture<Response> running;
        CompletableFuture<Response> waiting;
        try (Connection holder = dataSource.getConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("lock table event_store in exclusive mode");
            running = CompletableFuture.supplyAsync(() -> as(practitioner(POLICE)).body(concern(first, "neglect", "2026-11-19T08:00:00Z")).post("/concerns"), CLIENTS);
            awaitGauge("running", 1);
            waiting = CompletableFuture.supplyAsync(() -> as(practitioner(POLICE)).body(concern(second, "self-harm", "2026-11-19T09:00:00Z")).post("/concerns"), CLIENTS);
            awaitGauge("queued", 1);

            as(practitioner(POLICE)).body(concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z")).post("/concerns")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", equalTo("https://joinedup.example/problems/overloaded"))
                    .body("title", equalTo("Service busy"));
            RestAssured.given().get("/q/health/ready").then().statusCode(200);
            holder.rollback();
        }
        running.get(60, TimeUnit.SECONDS).then().statusCode(201);
        String id = waiting.get(60, TimeUnit.SECONDS).then().statusCode(201).extract().path("concernId");
        as(practitioner(POLICE)).get("/concerns/" + id).then().statusCode(200)
                .body("category", equalTo("self-harm")).body("occurredAt", equalTo("2026-11-19T09:00:00Z"));
        as(practitioner(POLICE)).queryParam("nhsNumber", second).get("/children").then().statusCode(200)
                .body("size()", equalTo(1));
        awaitGauge("running", 0);
    }

    @Test
    void a_request_that_waits_past_its_deadline_is_refused_and_nothing_of_it_is_done() throws Exception {
        String late = TestNhsNumbers.next();
        CompletableFuture<Response> running;
        try (Connection holder = dataSource.getConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("lock table event_store in exclusive mode");
            running = CompletableFuture.supplyAsync(() -> as(practitioner(POLICE)).body(concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z")).post("/concerns"), CLIENTS);
            awaitGauge("running", 1);
            as(practitioner(POLICE)).body(concern(late, "neglect", "2026-11-19T08:00:00Z")).post("/concerns")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("detail", org.hamcrest.Matchers.containsString("nothing was done"));
            holder.rollback();
        }
        running.get(60, TimeUnit.SECONDS).then().statusCode(201);
        awaitGauge("running", 0);
        as(practitioner(POLICE)).queryParam("nhsNumber", late).get("/children").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    private static final Pattern GAUGE = Pattern.compile("(?m)^joinedup_http_admission_(running|queued) ([0-9.]+)");

    private static void awaitGauge(String name, int value) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> gauge(name) == value);
    }

    private static double gauge(String name) {
        Matcher m = GAUGE.matcher(RestAssured.given().get("/q/metrics").asString());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }
}
