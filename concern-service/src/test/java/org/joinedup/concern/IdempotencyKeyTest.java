package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A retried POST with the same Idempotency-Key answers the first answer again and stores nothing new. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class IdempotencyKeyTest {
    @Inject
    DataSource dataSource;

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_answer_and_stores_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z");
        long before = count();
        Response first = as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns");
        first.then().statusCode(201);
        Response retry = as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns");
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("concernId", equalTo(first.path("concernId")))
                .body("eventId", equalTo(first.path("eventId")));
        assertEquals(before + 2, count(), "child-registered and concern-raised, once");
    }

    @Test
    void the_same_key_with_a_different_request_is_422_and_stores_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        as(practitioner(POLICE)).header("Idempotency-Key", key)
                .body(concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z")).post("/concerns")
                .then().statusCode(201);
        long before = count();
        as(practitioner(POLICE)).header("Idempotency-Key", key)
                .body(concern(TestNhsNumbers.next(), "self-harm", "2026-11-19T08:00:00Z")).post("/concerns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("violations[0].rule", equalTo("idempotency-key-reused"));
        assertEquals(before, count());
    }

    @Test
    void keys_belong_to_one_agency_and_requests_without_a_key_are_each_new() {
        String key = UUID.randomUUID().toString();
        String body = concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z");
        String police = as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns")
                .then().statusCode(201).extract().path("concernId");
        String health = as(practitioner(HEALTH)).header("Idempotency-Key", key).body(body).post("/concerns")
                .then().statusCode(201).extract().path("concernId");
        assertNotEquals(police, health);
        String a = as(practitioner(POLICE)).body(body).post("/concerns").then().statusCode(201).extract().path("concernId");
        String b = as(practitioner(POLICE)).body(body).post("/concerns").then().statusCode(201).extract().path("concernId");
        assertNotEquals(a, b);
    }

    @Test
    void a_retry_while_the_first_attempt_is_running_is_409_with_retry_after_and_then_gets_the_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z");
        try (Connection firstAttempt = dataSource.getConnection();
             java.sql.PreparedStatement lock = firstAttempt.prepareStatement(org.joinedup.platform.http.IdempotencyKeys.TRY_LOCK)) {
            firstAttempt.setAutoCommit(false);
            lock.setString(1, POLICE + " POST /concerns");
            lock.setString(2, key);
            lock.executeQuery().close();
            long before = count();
            as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns")
                    .then().statusCode(409).contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo("https://joinedup.example/problems/idempotency-key-in-progress"))
                    .body("violations[0].field", equalTo("Idempotency-Key"))
                    .body("violations[0].rule", equalTo("idempotency-key-in-progress"));
            assertEquals(before, count());
            firstAttempt.rollback();
        }
        String id = as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns")
                .then().statusCode(201).extract().path("concernId");
        as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("concernId", equalTo(id));
    }

    @Test
    void simultaneous_attempts_with_one_key_store_one_concern_and_each_answer_is_it_or_409() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z");
        long before = count();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.statusCode() == 409) {
                    assertEquals("1", r.header("Retry-After"));
                } else {
                    assertEquals(201, r.statusCode(), r.asString());
                    ids.add(r.path("concernId"));
                }
            }
            String id = as(practitioner(POLICE)).header("Idempotency-Key", key).body(body).post("/concerns")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("concernId");
            ids.add(id);
            assertEquals(java.util.Set.of(id), ids, "every 201 names the one concern");
            assertEquals(before + 2, count(), "child-registered and concern-raised, once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failed_request_leaves_its_key_unused_and_a_malformed_key_is_400() {
        String key = UUID.randomUUID().toString();
        as(practitioner(POLICE)).header("Idempotency-Key", key)
                .body(concern("9434765918", "neglect", "2026-11-19T08:00:00Z")).post("/concerns").then().statusCode(400);
        as(practitioner(POLICE)).header("Idempotency-Key", key)
                .body(concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z")).post("/concerns")
                .then().statusCode(201);
        as(practitioner(POLICE)).header("Idempotency-Key", "not a key!")
                .body(concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z")).post("/concerns")
                .then().statusCode(400).body("violations[0].rule", equalTo("idempotency-key-format"));
    }

    @Test
    void a_retried_amendment_or_withdrawal_with_its_key_is_recorded_once_and_answers_the_same() {
        String concern = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(201).extract().path("concernId");
        String amendKey = UUID.randomUUID().toString();
        String withdrawKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            as(practitioner(POLICE)).header("Idempotency-Key", amendKey).body("{\"reason\": \"re-graded\", \"riskLevel\": \"high\"}")
                    .post("/concerns/" + concern + "/amendments").then().statusCode(200)
                    .body("riskLevel", equalTo("high")).header("ETag", "\"2\"");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            as(practitioner(POLICE)).header("Idempotency-Key", withdrawKey).body("{\"reason\": \"wrong child\"}")
                    .post("/concerns/" + concern + "/withdrawal").then().statusCode(200).body("status", equalTo("withdrawn"));
        }
        assertEquals(List.of("concern-raised", "concern-amended", "concern-withdrawn"),
                TestEvents.types(dataSource, "concern-" + concern));
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from event_store")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
