package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.joinedup.audit.measures.Measures;
import org.joinedup.audit.measures.MeasuresFixture;
import org.joinedup.audit.measures.PartnershipMeasures;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GET /measures over the real ledger: the hand-counted fixture published through Kafka answers what the
 * pure computation (and the hand count, PartnershipMeasuresTest) says; each bad input and each refused role.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class MeasuresApiTest {
    static final MeasuresFixture F = new MeasuresFixture("-" + UUID.randomUUID().toString().substring(0, 8));
    static final String PERIOD = "from=2026-11-01&to=2026-11-30&asOf=2026-12-05T12:00:00Z";

    @BeforeAll
    static void publish() {
        F.recorded().forEach(r -> Events.publish(r.event(), r.agencyId()));
    }

    /** The service's own JSON mapper, so the expected answer is written as the service writes it. */
    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static String inspector() {
        return TestTokens.token("inspector-1", null, Roles.INSPECTOR);
    }

    String query() {
        return "/measures?area=" + F.area + "&" + PERIOD;
    }

    @Test
    void the_area_s_measures_are_what_the_ledger_s_events_count_for_an_inspector_and_the_area_s_lead() throws Exception {
        Measures expected = PartnershipMeasures.compute(F.events(), F.area, MeasuresFixture.FROM, MeasuresFixture.TO,
                MeasuresFixture.AS_OF);
        String json = mapper.writeValueAsString(expected);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(mapper.readTree(json),
                mapper.readTree(as(inspector()).get(query()).then().statusCode(200).extract().asString())));
        as(TestTokens.token("lead-1", F.csc, Roles.SAFEGUARDING_LEAD)).get(query()).then().statusCode(200)
                .body("referrals.made", equalTo(4), "referrals.decidedWithinOneWorkingDay.count", equalTo(1),
                        "shares.hoursToAcknowledge.p90", equalTo(48.0f), "wellbeing.improved.rate", equalTo(0.5f),
                        "teams.attendance.agencyId", hasItems(F.csc, "parents-and-carers"));
    }

    @Test
    void the_same_measures_export_as_csv() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(inspector()).get("/measures/export.csv?area=" + F.area + "&"
                        + PERIOD).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString(".csv"))
                .body(startsWith("area,from,to,as_of,section,measure,breakdown,count,of,pending,rate,value"))
                .body(containsString(F.area + ",2026-11-01,2026-11-30,2026-12-05T12:00:00Z,referrals,made,,,,,,4")));
    }

    @Test
    void an_empty_period_answers_zeros_with_the_period() {
        as(inspector()).get("/measures?area=" + F.area + "&from=2025-03-01&to=2025-03-31").then().statusCode(200)
                .body("from", equalTo("2025-03-01"), "to", equalTo("2025-03-31"), "referrals.made", equalTo(0),
                        "referrals.decidedWithinOneWorkingDay.rate", equalTo(0.0f), "shares.made", equalTo(0),
                        "wellbeing.teamsRated", equalTo(0));
    }

    @Test
    void each_bad_input_is_named() {
        as(inspector()).get("/measures").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("area", "from", "to"));
        as(inspector()).get("/measures?area=x&from=2026-11-30&to=2026-11-01").then().statusCode(400)
                .body("violations[0].field", equalTo("to"), "violations[0].rule", equalTo("not-before-from"));
        as(inspector()).get("/measures?area=x&from=2020-01-01&to=2026-11-01").then().statusCode(400)
                .body("violations[0].rule", equalTo("max-period"));
        as(inspector()).get("/measures?area=x&from=1 Nov&to=2026-11-01&asOf=yesterday").then().statusCode(400)
                .body("violations.field", hasItems("from", "asOf"));
        as(inspector()).get("/measures?area=x&from=2026-11-01&to=2026-11-02&asOf=2999-01-01T00:00:00Z").then().statusCode(400)
                .body("violations[0].rule", equalTo("not-in-future"));
    }

    @Test
    void a_lead_of_another_area_and_a_practitioner_are_refused() {
        as(TestTokens.token("lead-2", F.enfieldCsc, Roles.SAFEGUARDING_LEAD)).get(query()).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.token("lead-3", "unknown-agency", Roles.SAFEGUARDING_LEAD)).get(query()).then().statusCode(403);
        as(TestTokens.token("pr-1", F.csc, Roles.PRACTITIONER)).get(query()).then().statusCode(403);
        given().get(query()).then().statusCode(401);
    }
}
