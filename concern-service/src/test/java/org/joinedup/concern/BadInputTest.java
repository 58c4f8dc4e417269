package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each input a caller can get wrong is refused with problem+json naming the field and the rule, and
 * leaves nothing behind: no event, no outbox row (so nothing can be published), no child.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class BadInputTest {
    @Inject
    DataSource dataSource;

    private long events;
    private long outbox;
    private long children;

    @BeforeEach
    void countBefore() throws Exception {
        events = count("event_store");
        outbox = count("outbox");
        children = count("child_match_key");
    }

    @AfterEach
    void nothingWasStoredOrQueued() throws Exception {
        assertEquals(events, count("event_store"), "events stored");
        assertEquals(outbox, count("outbox"), "outbox rows written (the only way to Kafka)");
        assertEquals(children, count("child_match_key"), "children registered");
    }

    @Test
    void malformed_json_is_400_naming_the_body() {
        raise(practitioner(POLICE), "{\"child\": {\"nhsNumber\": \"9434765919\"}, \"category\": ")
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].rule", equalTo("well-formed-json"));
    }

    @Test
    void a_key_repeated_in_an_object_is_400_naming_the_key() {
        raise(practitioner(POLICE), concern("9434765919", "neglect", "2026-11-19T08:00:00Z")
                .replace("\"category\": \"neglect\",", "\"category\": \"neglect\", \"category\": \"other\",").replace("\"riskLevel\"", "\"riskLevel\": \"low\", \"riskLevel\""))
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].rule", equalTo("duplicate-key"));
        as(practitioner(POLICE)).body("{\"reason\": \"a\", \"reason\": \"b\"}")
                .post("/concerns/" + java.util.UUID.randomUUID() + "/withdrawal").then().statusCode(400)
                .body("violations[0].field", equalTo("reason")).body("violations[0].rule", equalTo("duplicate-key"));
    }

    @Test
    void a_nul_in_a_path_or_query_parameter_is_400_naming_it() {
        as(practitioner(POLICE)).urlEncodingEnabled(false).get("/concerns/ab%00cd").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("concernId")).body("violations[0].rule", equalTo("no-control-characters"));
        as(ChildIdentityTest.LEAD).urlEncodingEnabled(false).get("/children/candidates?reason=x%00y").then().statusCode(400)
                .body("violations[0].field", equalTo("reason")).body("violations[0].rule", equalTo("no-control-characters"));
    }

    @Test
    void an_empty_body_is_400() {
        as(practitioner(POLICE)).post("/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void a_missing_required_field_is_named() {
        String body = concern("9434765919", "neglect", "2026-11-19T08:00:00Z")
                .replace("\"description\": \"Bruising on the forearm, explanation inconsistent.\",", "");
        raise(practitioner(POLICE), body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("description"))
                .body("violations.rule", contains("required"));
    }

    @Test
    void an_nhs_number_failing_the_modulus_11_check_is_named() {
        raise(practitioner(POLICE), concern("9434765918", "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("child.nhsNumber"))
                .body("violations.rule", contains("nhs-number-check-digit"));
    }

    @Test
    void an_unknown_category_is_named_with_the_allowed_ones() {
        raise(practitioner(POLICE), concern("9434765919", "bad-vibes", "2026-11-19T08:00:00Z"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].rule", equalTo("known-category"))
                .body("violations[0].message", containsString("neglect"));
    }

    @Test
    void an_occurred_at_in_the_future_is_named() {
        raise(practitioner(POLICE), concern("9434765919", "neglect", "2999-01-01T00:00:00Z"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("occurredAt"))
                .body("violations.rule", contains("not-in-future"));
    }

    @Test
    void a_field_of_the_wrong_json_type_is_named() {
        String body = concern("9434765919", "neglect", "2026-11-19T08:00:00Z")
                .replace("\"wellbeingIndicators\": [\"safe\"]", "\"wellbeingIndicators\": {\"safe\": true}");
        raise(practitioner(POLICE), body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("wellbeingIndicators"));
    }

    @Test
    void an_oversized_body_is_413_problem_json() {
        String body = concern("9434765919", "neglect", "2026-11-19T08:00:00Z")
                .replace("Bruising on the forearm", "x".repeat(70_000));
        raise(practitioner(POLICE), body).statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].rule", equalTo("max-size"));
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        as(practitioner(POLICE)).contentType("text/plain").body("hello").post("/concerns").then()
                .statusCode(415).contentType("application/problem+json");
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
