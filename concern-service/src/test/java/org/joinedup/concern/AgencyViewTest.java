package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;

/** Each agency's own view of a child: what it raised, as now amended, and nothing of another agency's. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class AgencyViewTest {
    @jakarta.inject.Inject
    org.joinedup.directory.view.DirectoryQueries testDirectory;

    @org.junit.jupiter.api.BeforeEach
    void testArea() {
        TestArea.haringey(testDirectory);
    }


    @Test
    void an_agency_sees_its_own_concerns_about_the_child_in_the_order_they_happened_and_nothing_else() {
        String nhs = TestNhsNumbers.next();
        String later = raise(practitioner(POLICE), concern(nhs, "domestic-abuse", "2026-11-08T23:05:00Z"))
                .statusCode(201).extract().path("concernId");
        String child = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-10-02T09:15:00Z"))
                .statusCode(201).extract().path("childId");
        String earlier = as(practitioner(POLICE)).get("/children/" + child + "/concerns").then().extract()
                .path("concerns[0].concernId");
        String health = raise(practitioner(HEALTH), concern(nhs, "physical-abuse", "2026-10-20T18:40:00Z"))
                .statusCode(201).extract().path("concernId");

        as(practitioner(POLICE)).get("/children/" + child + "/concerns").then().statusCode(200)
                .body("agencyId", equalTo(POLICE))
                .body("count", equalTo(2))
                .body("concerns.concernId", contains(earlier, later))
                .body("concerns.category", contains("neglect", "domestic-abuse"));
        as(practitioner(HEALTH)).get("/children/" + child + "/concerns").then().statusCode(200)
                .body("concerns.concernId", contains(health));
        // An agency with no relationship with the child learns nothing, not even that the child exists.
        as(practitioner("northside-primary")).get("/children/" + child + "/concerns").then().statusCode(404);
    }

    @Test
    void amendments_and_withdrawals_show_in_the_view() {
        String nhs = TestNhsNumbers.next();
        var created = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-10-02T09:15:00Z")).statusCode(201).extract();
        String id = created.path("concernId");
        String child = created.path("childId");
        as(practitioner(POLICE)).body("{\"reason\": \"reassessed\", \"riskLevel\": \"immediate\"}")
                .post("/concerns/" + id + "/amendments").then().statusCode(200);
        as(practitioner(POLICE)).get("/children/" + child + "/concerns").then()
                .body("concerns[0].riskLevel", equalTo("immediate")).body("concerns[0].version", equalTo(2));
        as(practitioner(POLICE)).body("{\"reason\": \"wrong child\"}").post("/concerns/" + id + "/withdrawal")
                .then().statusCode(200);
        as(practitioner(POLICE)).get("/children/" + child + "/concerns").then()
                .body("concerns[0].status", equalTo("withdrawn"));
    }

    @Test
    void only_practitioners_of_an_agency_use_it_and_a_bad_child_id_is_400() {
        String child = UUID.randomUUID().toString();
        as(TestTokens.token("lead", "haringey-csc", Roles.SAFEGUARDING_LEAD)).get("/children/" + child + "/concerns")
                .then().statusCode(403);
        as(TestTokens.token("p", null, Roles.PRACTITIONER)).get("/children/" + child + "/concerns").then().statusCode(403);
        as(practitioner(POLICE)).get("/children/not-a-child/concerns").then().statusCode(400)
                .body("violations[0].field", equalTo("childId"));
        io.restassured.RestAssured.given().get("/children/" + child + "/concerns").then().statusCode(401);
    }
}
