package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A concern, and a child's records, as each agency may see them; and break-glass (docs/access.md). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class NeedToKnowConcernTest {
    static final String SCHOOL = "northside-primary";
    static final String ACADEMY = "riverside-academy";

    @Inject
    DirectoryQueries directory;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void area() {
        TestArea.haringey(directory);
    }

    static String lead(String agency) {
        return TestTokens.token("lead-of-" + agency, agency, Roles.SAFEGUARDING_LEAD);
    }

    /** A child the police and the NHS trust each raised a concern about. */
    record Child(String id, String police, String health) {
    }

    static Child child() {
        String nhs = TestNhsNumbers.next();
        var police = raise(practitioner(POLICE), concern(nhs, "domestic-abuse", "2026-11-08T23:05:00Z")).statusCode(201).extract();
        String health = raise(practitioner(HEALTH), concern(nhs, "physical-abuse", "2026-10-20T18:40:00Z")).statusCode(201)
                .extract().path("concernId");
        return new Child(police.path("childId"), police.path("concernId"), health);
    }

    @Test
    void another_agency_s_concern_is_a_headline_with_whom_to_call_and_an_agency_with_no_relationship_gets_404() {
        Child c = child();
        as(practitioner(HEALTH)).get("/concerns/" + c.police()).then().statusCode(200)
                .body("visibility", equalTo("headline"))
                .body("headline.kind", equalTo("concern"))
                .body("headline.agencyId", equalTo(POLICE))
                .body("headline.category", equalTo("domestic-abuse"))
                .body("headline.whomToCall.mailbox", equalTo("duty@met-police.example"))
                .body("$", not(hasKey("description"))).body("$", not(hasKey("childsVoice")));
        as(practitioner(HEALTH)).get("/children/" + c.id() + "/concerns").then().statusCode(200)
                .body("concerns.concernId", contains(c.health()))
                .body("involvement.recordId", contains(c.police()))
                .body("involvement[0]", not(hasKey("description")));

        String refused = as(practitioner(SCHOOL)).get("/concerns/" + c.police()).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String unknown = as(practitioner(SCHOOL)).get("/concerns/" + UUID.randomUUID()).then().statusCode(404)
                .extract().asString();
        assertEquals(unknown.replaceAll("[0-9a-f-]{36}", "ID"), refused.replaceAll("[0-9a-f-]{36}", "ID"));
        as(practitioner(SCHOOL)).get("/children/" + c.id() + "/concerns").then().statusCode(404);
        as(practitioner(SCHOOL)).get("/children/" + UUID.randomUUID() + "/concerns").then().statusCode(404);
    }

    @Test
    void the_front_door_reads_every_concern_as_it_now_is() {
        Child c = child();
        as(practitioner(TestArea.FRONT_DOOR)).get("/concerns/" + c.police()).then().statusCode(200)
                .body("description", equalTo("Bruising on the forearm, explanation inconsistent."))
                .body("childsVoice", equalTo("I fell over."));
        as(practitioner(TestArea.FRONT_DOOR)).get("/children/" + c.id() + "/concerns").then().statusCode(200)
                .body("basis", equalTo("front-door"))
                .body("concerns.concernId", containsInAnyOrder(c.police(), c.health()))
                .body("involvement", hasSize(0));
        assertEquals("front-door", lastBasis(c.id()));
    }

    @Test
    void a_concern_referred_to_an_agency_it_reads_in_full_and_the_others_as_headlines() {
        Child c = child();
        Instant at = Instant.now();
        TestEvents.publish(new ReferralMade(UUID.randomUUID(), UUID.fromString(c.id()), POLICE, SCHOOL, "officer-1",
                List.of(UUID.fromString(c.police())), "Domestic abuse at home; the school should know.", "urgent",
                "Mother told.", new Consent("given", null), at, at.plusSeconds(86400)), "/referral-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(practitioner(SCHOOL)).get("/concerns/" + c.police())
                .then().statusCode(200).body("description", notNullValue()));
        as(practitioner(SCHOOL)).get("/concerns/" + c.health()).then().statusCode(200).body("visibility", equalTo("headline"));
        as(practitioner(SCHOOL)).get("/children/" + c.id() + "/concerns").then().statusCode(200)
                .body("basis", equalTo("relationship"))
                .body("concerns.concernId", contains(c.police()))
                .body("involvement.recordId", contains(c.health()));
    }

    @Test
    void break_glass_opens_the_whole_picture_to_that_lead_and_tells_every_agency_holding_records() {
        Child c = child();
        String lead = lead(ACADEMY);
        as(lead).get("/children/" + c.id() + "/record").then().statusCode(404);

        String justification = "Child disclosed tonight that she is afraid to go home; MASH phone unanswered.";
        var grant = as(lead).body(Map.of("justification", justification)).post("/children/" + c.id() + "/emergency-access")
                .then().statusCode(201)
                .body("agencyId", equalTo(ACADEMY))
                .body("grantedTo", equalTo("lead-of-" + ACADEMY))
                .body("notifiedAgencies", containsInAnyOrder(POLICE, HEALTH))
                .extract();
        Instant granted = Instant.parse(grant.path("grantedAt"));
        assertEquals(granted.plus(Duration.ofHours(24)), Instant.parse(grant.path("expiresAt")));
        String grantId = grant.path("grantId");

        as(lead).get("/children/" + c.id() + "/record").then().statusCode(200).body("identifications", hasSize(1));
        as(lead).queryParam("childId", c.id()).get("/children/candidates").then().statusCode(200);
        assertEquals("emergency-access", lastBasis(c.id()));
        // The grant is the lead's alone: a colleague at the same school gets nothing.
        as(TestTokens.token("another-lead", ACADEMY, Roles.SAFEGUARDING_LEAD)).get("/children/" + c.id() + "/record")
                .then().statusCode(404);

        // The police find it in their inbox, acknowledge it once, and it leaves the inbox.
        as(practitioner(POLICE)).get("/inbox").then().statusCode(200)
                .body("findAll { it.kind == 'emergency-access' }.grantId", hasItem(grantId))
                .body("find { it.grantId == '" + grantId + "' }.grant.justification", equalTo(justification));
        as(practitioner(POLICE)).post("/emergency-access/" + grantId + "/acknowledgement").then().statusCode(200)
                .body("acknowledgedAt", notNullValue());
        as(practitioner(POLICE)).post("/emergency-access/" + grantId + "/acknowledgement").then().statusCode(200);
        assertEquals(List.of("emergency-access-granted", "emergency-access-acknowledged"),
                TestEvents.types(dataSource, "emergency-access-" + grantId));
        as(practitioner(POLICE)).get("/inbox").then().body("findAll { it.kind == 'emergency-access' }.grantId",
                not(hasItem(grantId)));
        // An agency that was not told has no such notice.
        as(practitioner(SCHOOL)).post("/emergency-access/" + grantId + "/acknowledgement").then().statusCode(404);
        as(practitioner(HEALTH)).get("/inbox").then().body("findAll { it.kind == 'emergency-access' }.grantId", hasItem(grantId));
    }

    @Test
    void break_glass_needs_a_lead_a_known_child_and_a_justification_that_names_the_risk() {
        Child c = child();
        String lead = lead(ACADEMY);
        as(lead).body(Map.of("justification", "urgent")).post("/children/" + c.id() + "/emergency-access").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("justification")).body("violations[0].rule", equalTo("min-length"));
        as(lead).body(Map.of("justification", "   ")).post("/children/" + c.id() + "/emergency-access").then()
                .statusCode(400).body("violations[0].rule", equalTo("required"));
        as(lead).body(Map.of("justification", "x".repeat(2001))).post("/children/" + c.id() + "/emergency-access").then()
                .statusCode(400).body("violations[0].rule", equalTo("max-length"));
        as(lead).post("/children/" + c.id() + "/emergency-access").then().statusCode(400)
                .body("violations[0].field", equalTo("body"));
        as(lead).body("{\"justification\": \"A disclosure tonight\\u0000 about her father's threats\"}")
                .post("/children/" + c.id() + "/emergency-access").then().statusCode(400)
                .body("violations[0].field", equalTo("justification")).body("violations[0].rule", equalTo("text"));
        as(lead).body("{\"justification\": \"A disclosure tonight \\ud800 about her father's threats\"}")
                .post("/children/" + c.id() + "/emergency-access").then().statusCode(400)
                .body("violations[0].rule", equalTo("text"));
        as(lead).body("{\"justification\": 42}").post("/children/" + c.id() + "/emergency-access").then().statusCode(400)
                .contentType("application/problem+json");
        as(lead).body(Map.of("justification", "Child missing overnight; we must see who else knows her."))
                .post("/children/" + UUID.randomUUID() + "/emergency-access").then().statusCode(404);
        as(lead).body(Map.of("justification", "Child missing overnight; we must see who else knows her."))
                .post("/children/not-a-child/emergency-access").then().statusCode(404);
        as(practitioner(ACADEMY)).body(Map.of("justification", "Child missing overnight; we must see who else knows her."))
                .post("/children/" + c.id() + "/emergency-access").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(List.of(), TestEvents.types(dataSource, "emergency-access-" + UUID.randomUUID()));
        as(lead).get("/children/" + c.id() + "/record").then().statusCode(404);
    }

    String lastBasis(String child) {
        try (var conn = dataSource.getConnection(); var ps = conn.prepareStatement("""
                select payload->>'basis' from event_store where event_type = 'record-accessed' and subject = ?
                order by global_position desc limit 1""")) {
            ps.setString(1, child);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
