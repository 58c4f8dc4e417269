package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    @jakarta.inject.Inject
    org.joinedup.directory.view.DirectoryQueries testDirectory;

    @org.junit.jupiter.api.BeforeEach
    void testArea() {
        TestArea.haringey(testDirectory);
    }

    static final String LEAD = TestTokens.token("lead", "haringey-csc", Roles.SAFEGUARDING_LEAD);

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @jakarta.inject.Inject
    org.joinedup.directory.view.DirectoryQueries directory;

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
    void a_child_with_hundreds_of_concerns_still_has_each_new_one_recorded_and_flagged() {
        // 200 pieces: more than a btree index entry could hold as arrays (about 170 UUIDs), which once
        // made every further concern about such a child fail.
        String nhs = TestNhsNumbers.next();
        String child = null;
        for (int i = 0; i < 200; i++) {
            child = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-11-01T10:00:00Z")).statusCode(201)
                    .extract().path("childId");
        }
        as(LEAD).queryParam("childId", child).get("/flags").then().statusCode(200)
                .body("find { it.concernIds.size() == 200 }.rule", equalTo("frequent-concerns"));
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
    void only_safeguarding_leads_see_flags_in_detail_and_decide_on_them() {
        String flag = UUID.randomUUID().toString();
        as(practitioner(POLICE)).get("/flags").then().statusCode(403);
        as(practitioner(POLICE)).get("/flags/" + flag).then().statusCode(403);
        as(practitioner(POLICE)).body(Map.of("reason", "r")).post("/flags/" + flag + "/acknowledgement").then().statusCode(403);
        as(practitioner(POLICE)).body(Map.of("reason", "r")).post("/flags/" + flag + "/clearance").then().statusCode(403);
        as(LEAD).queryParam("childId", "x").queryParam("status", "closed").queryParam("limit", "x").get("/flags").then()
                .statusCode(400).body("violations.field", contains("childId", "status", "limit"));
        as(LEAD).get("/flags/" + flag).then().statusCode(404);
        as(LEAD).body(Map.of("reason", "r")).post("/flags/" + flag + "/acknowledgement").then().statusCode(404);
        as(LEAD).body(Map.of("reason", " ")).post("/flags/" + flag + "/clearance").then().statusCode(400)
                .body("violations[0].field", equalTo("reason")).body("violations[0].rule", equalTo("required"));
    }

    @Test
    void a_lead_acknowledges_then_clears_a_flag_with_reasons_each_once() {
        String child = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z")
                .replace("\"riskLevel\": \"medium\"", "\"riskLevel\": \"immediate\"")).statusCode(201).extract().path("childId");
        String flag = as(LEAD).queryParam("childId", child).get("/flags").then().extract().path("[0].flagId");
        as(LEAD).body(Map.of("reason", "Strategy discussion booked for tomorrow.")).post("/flags/" + flag + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("acknowledged")).body("acknowledgedBy", equalTo("lead"))
                .body("acknowledgeReason", equalTo("Strategy discussion booked for tomorrow."));
        as(LEAD).body(Map.of("reason", "again")).post("/flags/" + flag + "/acknowledgement").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("flag-acknowledged"));
        as(LEAD).body(Map.of("reason", "Section 47 enquiry opened; tracked there.")).post("/flags/" + flag + "/clearance")
                .then().statusCode(200).body("status", equalTo("cleared")).body("clearedBy", equalTo("lead"));
        as(LEAD).body(Map.of("reason", "again")).post("/flags/" + flag + "/clearance").then().statusCode(409);
        assertEquals(List.of("bigger-picture-flag-raised", "bigger-picture-flag-acknowledged", "bigger-picture-flag-cleared"),
                TestEvents.types(dataSource, "flag-" + flag));
        as(LEAD).queryParam("childId", child).queryParam("status", "cleared").get("/flags").then()
                .body("flagId", contains(flag));
        as(LEAD).queryParam("childId", child).queryParam("status", "open").get("/flags").then().body("$", hasSize(0));
    }

    @Test
    void each_agency_holding_a_concern_sees_that_a_flag_exists_and_whom_to_contact_but_not_the_detail() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String area = "Area-" + suffix;
        String police = "police-" + suffix;
        String school = "school-" + suffix;
        String csc = "csc-" + suffix;
        Instant t = Instant.now().minusSeconds(60);
        TestEvents.publish(new AgencyRegistered(police, "Police " + suffix, "police", area, null, List.of(), "admin", t), "/agency-directory-service");
        TestEvents.publish(new AgencyRegistered(school, "School " + suffix, "education", area, null, List.of(), "admin", t), "/agency-directory-service");
        TestEvents.publish(new AgencyRegistered(csc, "Children's Services " + suffix, "childrens-social-care", area,
                new Contact("mash@" + suffix + ".example", "020 7946 0000"), List.of(), "admin", t), "/agency-directory-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(csc).isPresent() && directory.agency(police).isPresent());

        String nhs = TestNhsNumbers.next();
        String child = raise(practitioner(police), concern(nhs, "neglect", "2026-11-01T10:00:00Z")).statusCode(201)
                .extract().path("childId");
        as(practitioner(police)).get("/children/" + child + "/concerns").then().body("flags", hasSize(0));
        raise(practitioner(school), concern(nhs, "emotional-abuse", "2026-11-10T10:00:00Z")).statusCode(201);

        as(practitioner(police)).get("/children/" + child + "/concerns").then().statusCode(200)
                .body("count", equalTo(1))
                .body("flags", hasSize(1))
                .body("flags[0].status", equalTo("open"))
                .body("flags[0].contact.agencyId", contains(csc))
                .body("flags[0].contact[0].contact.mailbox", equalTo("mash@" + suffix + ".example"))
                .body("flags[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("rule")))
                .body("flags[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("agencies")));
        // An agency that holds nothing about the child sees nothing, flags included.
        as(practitioner(HEALTH)).get("/children/" + child + "/concerns").then().statusCode(404);

        // The area's children's social care is the child's front door: its lead sees the flag in full and acts on it.
        String frontDoor = TestTokens.token("lead-of-" + csc, csc, Roles.SAFEGUARDING_LEAD);
        String flag = as(frontDoor).queryParam("childId", child).get("/flags").then().extract().path("[0].flagId");
        as(frontDoor).body(Map.of("reason", "Discussed at MASH: no further action.")).post("/flags/" + flag + "/clearance").then().statusCode(200);
        as(practitioner(school)).get("/children/" + child + "/concerns").then().body("flags", hasSize(0));
    }
}
