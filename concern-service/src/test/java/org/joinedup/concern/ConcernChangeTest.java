package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Amendments and withdrawals are new facts with reasons; the original stays; If-Match guards them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class ConcernChangeTest {
    @Inject
    DataSource dataSource;

    String raised() {
        return raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z"))
                .statusCode(201).extract().path("concernId");
    }

    @Test
    void an_amendment_changes_the_named_fields_keeps_the_original_in_history_and_needs_the_current_etag() {
        String id = raised();
        as(practitioner(POLICE)).header("If-Match", "\"1\"")
                .body("{\"reason\": \"Reassessed after a home visit\", \"riskLevel\": \"high\"}")
                .post("/concerns/" + id + "/amendments").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("riskLevel", equalTo("high"))
                .body("category", equalTo("neglect"))
                .body("status", equalTo("raised"))
                .body("history.type", contains("concern-raised", "concern-amended"))
                .body("history[1].reason", equalTo("Reassessed after a home visit"))
                .body("history[1].changes.riskLevel", equalTo("high"));
        as(practitioner(POLICE)).header("If-Match", "\"1\"").body("{\"reason\": \"again\", \"riskLevel\": \"low\"}")
                .post("/concerns/" + id + "/amendments").then().statusCode(412).contentType("application/problem+json");
        assertEquals(List.of("concern-raised", "concern-amended"), TestEvents.types(dataSource, "concern-" + id));
    }

    @Test
    void a_practitioner_lists_their_own_concerns_newest_first_with_their_status_and_their_agency_s_too() {
        String me = org.joinedup.testing.TestTokens.token("pc-" + java.util.UUID.randomUUID(), POLICE,
                org.joinedup.platform.security.Roles.PRACTITIONER);
        String older = raise(me, concern(TestNhsNumbers.next(), "neglect", "2026-11-01T08:00:00Z")).statusCode(201)
                .extract().path("concernId");
        String newer = raise(me, concern(TestNhsNumbers.next(), "physical-abuse", "2026-11-20T08:00:00Z")).statusCode(201)
                .extract().path("concernId");
        as(me).body("{\"reason\": \"Recorded against the wrong child\"}").post("/concerns/" + older + "/withdrawal")
                .then().statusCode(200);
        as(me).get("/concerns").then().statusCode(200)
                .body("total", equalTo(2))
                .body("concerns.concernId", contains(newer, older))
                .body("concerns.status", contains("raised", "withdrawn"));
        as(me).queryParam("limit", "1").queryParam("offset", "1").get("/concerns").then().statusCode(200)
                .body("total", equalTo(2)).body("concerns.concernId", contains(older));
        String child = as(me).get("/concerns/" + newer).then().statusCode(200).extract().path("childId");
        as(practitioner(POLICE)).queryParam("raisedBy", "agency").queryParam("childId", child).get("/concerns").then()
                .statusCode(200).body("total", equalTo(1)).body("concerns.concernId", contains(newer))
                .body("concerns.agencyId", org.hamcrest.Matchers.everyItem(equalTo(POLICE)));
        as(practitioner(HEALTH)).queryParam("raisedBy", "agency").queryParam("childId", child).get("/concerns").then()
                .statusCode(200).body("total", equalTo(0));
        as(me).queryParam("raisedBy", "everyone").queryParam("limit", "0").queryParam("offset", "-1")
                .queryParam("childId", "x").get("/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("raisedBy", "offset", "limit", "childId"));
        as(org.joinedup.testing.TestTokens.token("lead", POLICE, org.joinedup.platform.security.Roles.SAFEGUARDING_LEAD))
                .get("/concerns").then().statusCode(403);
        given().get("/concerns").then().statusCode(401);
    }

    @Test
    void a_withdrawn_concern_stays_readable_and_cannot_change_again() {
        String id = raised();
        as(practitioner(POLICE)).body("{\"reason\": \"Recorded against the wrong child\"}")
                .post("/concerns/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("withdrawn"))
                .body("history[1].type", equalTo("concern-withdrawn"));
        as(practitioner(POLICE)).body("{\"reason\": \"again\"}").post("/concerns/" + id + "/withdrawal").then()
                .statusCode(409);
        as(practitioner(POLICE)).body("{\"reason\": \"x\", \"riskLevel\": \"low\"}")
                .post("/concerns/" + id + "/amendments").then().statusCode(409);
        as(practitioner(POLICE)).get("/concerns/" + id).then().statusCode(200).body("status", equalTo("withdrawn"));
        assertEquals(List.of("concern-raised", "concern-withdrawn"), TestEvents.types(dataSource, "concern-" + id));
    }

    @Test
    void another_agency_cannot_change_a_concern_and_learns_nothing_even_with_a_stale_etag() {
        String id = raised();
        as(practitioner(HEALTH)).body("{\"reason\": \"x\", \"riskLevel\": \"low\"}")
                .post("/concerns/" + id + "/amendments").then().statusCode(404);
        as(practitioner(HEALTH)).header("If-Match", "\"7\"").body("{\"reason\": \"x\"}")
                .post("/concerns/" + id + "/withdrawal").then().statusCode(404);
        assertEquals(List.of("concern-raised"), TestEvents.types(dataSource, "concern-" + id));
    }

    @Test
    void bad_amendments_are_400_naming_the_field_and_store_nothing() {
        String id = raised();
        as(practitioner(POLICE)).body("{\"riskLevel\": \"high\"}").post("/concerns/" + id + "/amendments").then()
                .statusCode(400).body("violations.field", contains("reason"));
        as(practitioner(POLICE)).body("{\"reason\": \"nothing to change\"}").post("/concerns/" + id + "/amendments")
                .then().statusCode(400).body("violations.rule", contains("changes-required"));
        as(practitioner(POLICE)).body("{\"reason\": \"r\", \"category\": \"bad-vibes\", \"occurredAt\": \"2999-01-01T00:00:00Z\"}")
                .post("/concerns/" + id + "/amendments").then().statusCode(400)
                .body("violations.field", contains("category", "occurredAt"));
        as(practitioner(POLICE)).body("{}").post("/concerns/" + id + "/withdrawal").then().statusCode(400)
                .body("violations.field", contains("reason"));
        assertEquals(List.of("concern-raised"), TestEvents.types(dataSource, "concern-" + id));
    }

}
