package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;

/** When several agencies each hold a piece, safeguarding leads are alerted; withdrawn pieces do not count. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class BiggerPictureTest {
    static final String LEAD = TestTokens.token("lead", "haringey-csc", Roles.SAFEGUARDING_LEAD);

    @Test
    void concerns_from_two_agencies_within_90_days_raise_one_flag_naming_both() {
        String nhs = TestNhsNumbers.next();
        var first = raise(practitioner(POLICE), concern(nhs, "domestic-abuse", "2026-09-01T23:00:00Z")).statusCode(201).extract();
        String child = first.path("childId");
        as(LEAD).queryParam("childId", child).get("/flags").then().statusCode(200).body("$", hasSize(0));
        String second = raise(practitioner(HEALTH), concern(nhs, "physical-abuse", "2026-10-20T18:40:00Z"))
                .statusCode(201).extract().path("concernId");

        as(LEAD).queryParam("childId", child).get("/flags").then().statusCode(200)
                .body("rule", contains("several-agencies"))
                .body("[0].concernIds", containsInAnyOrder(first.path("concernId"), second))
                .body("[0].agencies", contains(POLICE, HEALTH))
                .body("[0].summary", equalTo("2 agencies raised concerns within 90 days"));
    }

    @Test
    void a_concern_at_the_highest_risk_level_raises_a_flag_by_itself_and_an_amendment_to_it_does_too() {
        String nhs = TestNhsNumbers.next();
        var raised = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-11-01T10:00:00Z")
                .replace("\"riskLevel\": \"medium\"", "\"riskLevel\": \"immediate\"")).statusCode(201).extract();
        String child = raised.path("childId");
        as(LEAD).queryParam("childId", child).get("/flags").then().body("rule", contains("highest-risk"));

        var other = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z"))
                .statusCode(201).extract();
        as(practitioner(POLICE)).body("{\"reason\": \"escalated\", \"riskLevel\": \"immediate\"}")
                .post("/concerns/" + other.path("concernId") + "/amendments").then().statusCode(200);
        as(LEAD).queryParam("childId", (String) other.path("childId")).get("/flags").then()
                .body("rule", contains("highest-risk"));
    }

    @Test
    void a_withdrawn_concern_is_not_part_of_the_picture() {
        String nhs = TestNhsNumbers.next();
        var first = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-10-01T10:00:00Z")).statusCode(201).extract();
        as(practitioner(POLICE)).body("{\"reason\": \"wrong child\"}")
                .post("/concerns/" + first.path("concernId") + "/withdrawal").then().statusCode(200);
        raise(practitioner(HEALTH), concern(nhs, "neglect", "2026-10-02T10:00:00Z")).statusCode(201);
        as(LEAD).queryParam("childId", (String) first.path("childId")).get("/flags").then().body("$", hasSize(0));
    }

    @Test
    void only_safeguarding_leads_see_flags() {
        as(practitioner(POLICE)).get("/flags").then().statusCode(403);
        as(LEAD).queryParam("childId", "x").get("/flags").then().statusCode(400)
                .body("violations[0].field", equalTo("childId"));
    }
}
