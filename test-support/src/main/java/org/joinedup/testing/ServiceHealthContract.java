package org.joinedup.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What every service answers about itself: live and ready on its real database and Kafka, OpenAPI
 * and metrics public, everything else behind a token. A service's test extends this with
 * {@code @QuarkusTest} and its {@link RealInfrastructure} database.
 */
public abstract class ServiceHealthContract {

    @Test
    void it_is_live_and_ready_with_its_database_and_kafka() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "event-consumers"));
    }

    @Test
    void openapi_swagger_and_metrics_are_public_and_everything_else_needs_a_token() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("joinedup_outbox_pending"));
        given().get("/anything").then().statusCode(401);
    }
}
