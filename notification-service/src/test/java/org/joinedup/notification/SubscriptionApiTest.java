package org.joinedup.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.joinedup.notification.NotificationsTest.as;
import static org.joinedup.notification.NotificationsTest.system;

/** The subscription API: each success, each bad input named, each caller who must be refused. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notification"),
        @ResourceArg(name = "reactive", value = "true")})
class SubscriptionApiTest {
    static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void an_agency_system_or_lead_subscribes_sees_the_secret_once_and_manages_its_own() {
        String agency = "api-" + System.nanoTime();
        var created = as(system(agency)).body(Map.of("callbackUrl", URL, "kinds", List.of("share-received", "referral-received")))
                .post("/subscriptions").then().statusCode(201)
                .body("agencyId", equalTo(agency)).body("status", equalTo("active"))
                .body("kinds", contains("share-received", "referral-received")).body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/subscriptions/" + id));
        String lead = TestTokens.token("lead-x", agency, "safeguarding-lead");
        as(lead).get("/subscriptions/" + id).then().statusCode(200).body("secret", nullValue()).body("callbackUrl", equalTo(URL));
        as(lead).get("/subscriptions").then().statusCode(200).body("subscriptions.id", hasItem(id));
        as(system("someone-else")).get("/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        as(system("someone-else")).get("/subscriptions").then().statusCode(200).body("subscriptions.id", not(hasItem(id)));
        as(system("someone-else")).delete("/subscriptions/" + id).then().statusCode(404);
        as(lead).delete("/subscriptions/" + id).then().statusCode(204);
        as(lead).get("/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void practitioners_inspectors_and_callers_without_a_token_are_refused() {
        Map<String, Object> body = Map.of("callbackUrl", URL, "kinds", List.of("share-received"));
        as(TestTokens.token("pc-1", "met-police", "practitioner")).body(body).post("/subscriptions").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.token("insp-1", "ofsted", "inspector")).get("/subscriptions").then().statusCode(403);
        given().contentType("application/json").body(body).post("/subscriptions").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void each_bad_input_is_a_400_naming_the_field_and_nothing_is_made() {
        String agency = "bad-" + System.nanoTime();
        String[][] cases = {
                {"{\"callbackUrl\": \"http://hooks.example/x\", \"kinds\": [\"share-received\"]}", "callbackUrl", "https"},
                {"{\"callbackUrl\": \"https://10.0.0.5/x\", \"kinds\": [\"share-received\"]}", "callbackUrl", "public-address"},
                {"{\"callbackUrl\": \"https://169.254.169.254/x\", \"kinds\": [\"share-received\"]}", "callbackUrl", "public-address"},
                {"{\"callbackUrl\": \"https://hooks.example/" + "a".repeat(2_000) + "\", \"kinds\": [\"share-received\"]}", "callbackUrl", "max-length"},
                {"{\"kinds\": [\"share-received\"]}", "callbackUrl", "required"},
                {"{\"callbackUrl\": \"" + URL + "\"}", "kinds", "required"},
                {"{\"callbackUrl\": \"" + URL + "\", \"kinds\": []}", "kinds", "required"},
                {"{\"callbackUrl\": \"" + URL + "\", \"kinds\": [\"everything\"]}", "kinds[0]", "one-of"},
                {"{\"callbackUrl\": \"" + URL + "\", \"kinds\": [\"share-received\", \"share-received\"]}", "kinds[1]", "unique"},
                {"{\"callbackUrl\": \"" + URL + "\", \"kinds\": \"share-received\"}", "kinds", "json-type"},
        };
        for (String[] c : cases) {
            as(system(agency)).body(c[0]).post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(c[1])).body("violations.rule", hasItem(c[2]));
        }
        as(system(agency)).get("/subscriptions").then().statusCode(200).body("subscriptions", org.hamcrest.Matchers.empty());
        as(system(agency)).get("/subscriptions/not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("id"));
        as(system(agency)).get("/subscriptions/" + java.util.UUID.randomUUID() + "/deliveries?limit=0").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }
}
