package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.Topics;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.Contact;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sharing checked against concern-service's own copy of the directory's agreements. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class SharingTest {
    @jakarta.inject.Inject
    org.joinedup.directory.view.DirectoryQueries testDirectory;

    @org.junit.jupiter.api.BeforeEach
    void testArea() {
        TestArea.haringey(testDirectory);
    }

    @Inject
    DirectoryQueries directory;

    @Inject
    DataSource dataSource;

    String police;
    String csc;
    String school;
    UUID agreement;

    @BeforeEach
    void directoryWithOneAgreement() {
        police = "police-" + UUID.randomUUID().toString().substring(0, 8);
        csc = "csc-" + UUID.randomUUID().toString().substring(0, 8);
        school = "school-" + UUID.randomUUID().toString().substring(0, 8);
        agreement = UUID.randomUUID();
        Instant t = Instant.now().minusSeconds(60);
        for (String a : List.of(police, csc, school)) {
            TestEvents.publish(new AgencyRegistered(a, a, "other", "Haringey", new Contact("duty@example.org", null), List.of(), "admin", t), "/agency-directory-service");
        }
        AgreementTerms terms = new AgreementTerms("MASH", List.of(police, csc), List.of("neglect", "case-note"),
                List.of("safeguarding"), "public-task", null, "collaboration", "monthly",
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), LocalDate.now().plusMonths(6));
        TestEvents.publish(new SharingAgreementProposed(agreement, terms, "admin", t), "/agency-directory-service");
        TestEvents.publish(new SharingAgreementActivated(agreement, terms, t), "/agency-directory-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(school).isPresent()
                && directory.mayShare(new SharingPolicy.Question(police, csc, "neglect", "safeguarding", Instant.now())).allowed());
    }

    String raised(String category) {
        return raise(practitioner(police), concern(TestNhsNumbers.next(), category, "2026-11-19T08:00:00Z"))
                .statusCode(201).extract().path("concernId");
    }

    String share(String concernId, String to) {
        return """
                {"toAgency": "%s", "concernIds": ["%s"], "purpose": "safeguarding", "lawfulBasis": "public-task",
                 "consent": {"status": "not-sought", "reason": "seeking consent could place the child at risk"}}"""
                .formatted(to, concernId);
    }

    @Test
    void a_share_covered_by_an_agreement_is_recorded_with_it_and_the_recipient_sees_exactly_what_was_sent() {
        String concern = raised("neglect");
        String shareId = as(practitioner(police)).body(share(concern, csc)).post("/shares").then()
                .statusCode(201)
                .body("agreementId", equalTo(agreement.toString()))
                .body("override", equalTo(false))
                .body("consent.status", equalTo("not-sought"))
                .extract().path("shareId");
        String child = as(practitioner(police)).get("/concerns/" + concern).then().extract().path("childId");

        as(practitioner(police)).body("{\"reason\": \"reassessed\", \"riskLevel\": \"immediate\"}")
                .post("/concerns/" + concern + "/amendments").then().statusCode(200);

        as(practitioner(csc)).get("/inbox").then().statusCode(200)
                .body("share.shareId", contains(shareId))
                .body("[0].concerns[0].riskLevel", equalTo("medium"));
        as(practitioner(csc)).get("/children/" + child + "/concerns").then()
                .body("concerns.concernId", contains(concern))
                .body("concerns[0].riskLevel", equalTo("medium"));
        as(practitioner(school)).get("/children/" + child + "/concerns").then().statusCode(404);
        as(practitioner(school)).get("/shares/" + shareId).then().statusCode(404);
        as(practitioner(csc)).get("/shares/" + shareId).then().statusCode(200);
        assertEquals(List.of("information-shared"), TestEvents.types(dataSource, "share-" + shareId));
        // Every read of the child's data left a trace; the school, which saw nothing, left none.
        assertEquals(List.of(police + " concern", police + " concern", csc + " inbox", csc + " agency-view", csc + " share"),
                TestEvents.accesses(dataSource, child).stream().map(a -> a.substring(0, a.indexOf(' ', a.indexOf(' ') + 1)))
                        .toList());
    }

    @Test
    void without_an_agreement_it_is_403_naming_what_is_missing_and_nothing_is_stored() {
        String concern = raised("self-harm");
        long before = count("share_view");
        as(practitioner(police)).body(share(concern, csc)).post("/shares").then()
                .statusCode(403).contentType("application/problem+json")
                .body("violations[0].field", equalTo("concernIds"))
                .body("violations[0].rule", equalTo("agreement-required"))
                .body("violations[0].message", containsString("self-harm"));
        as(practitioner(police)).body(share(raised("neglect"), school)).post("/shares").then().statusCode(403)
                .body("violations[0].message", containsString("no data-sharing agreement binds both"));
        assertEquals(before, count("share_view"));
    }

    @Test
    void a_safeguarding_lead_may_override_with_a_justification_and_it_is_marked_everywhere() {
        String concern = raised("self-harm");
        String body = share(concern, school).replaceFirst("\\{", "{\"override\": {\"justification\": \"Child disclosed "
                + "self-harm plans; the school must act today\"}, ");
        as(practitioner(police)).body(body).post("/shares").then().statusCode(403);
        String lead = TestTokens.token("lead-" + police, police, Roles.SAFEGUARDING_LEAD);
        as(lead).body(body).post("/shares").then().statusCode(201)
                .body("override", equalTo(true))
                .body("agreementId", nullValue())
                .body("justification", containsString("must act today"));
        as(practitioner(school)).get("/inbox").then().body("[0].share.override", equalTo(true));
    }

    @Test
    void the_recipient_acknowledges_once_and_the_inbox_empties() {
        String shareId = as(practitioner(police)).body(share(raised("neglect"), csc)).post("/shares").then()
                .statusCode(201).extract().path("shareId");
        as(practitioner(school)).post("/shares/" + shareId + "/acknowledgement").then().statusCode(404);
        as(practitioner(csc)).post("/shares/" + shareId + "/acknowledgement").then().statusCode(200)
                .body("acknowledgedAt", notNullValue());
        as(practitioner(csc)).post("/shares/" + shareId + "/acknowledgement").then().statusCode(200);
        as(practitioner(csc)).get("/inbox").then().body("$", hasSize(0));
        assertEquals(List.of("information-shared", "information-share-acknowledged"), TestEvents.types(dataSource, "share-" + shareId));
    }

    @Test
    void bad_shares_are_refused_naming_the_field() {
        String concern = raised("neglect");
        as(practitioner(police)).body("{\"concernIds\": [\"x\"], \"purpose\": \"nosiness\", \"consent\": {\"status\": \"refused\"}}")
                .post("/shares").then().statusCode(400)
                .body("violations.field", contains("toAgency", "concernIds[0]", "purpose", "lawfulBasis", "consent.reason"));
        as(practitioner(police)).body(share(concern, "no-such-agency")).post("/shares").then().statusCode(422)
                .body("violations[0].rule", equalTo("known-agency"));
        as(practitioner(police)).body(share(concern, police)).post("/shares").then().statusCode(400)
                .body("violations[0].rule", equalTo("another-agency"));
        as(practitioner(csc)).body(share(concern, police)).post("/shares").then().statusCode(422)
                .body("violations[0].rule", equalTo("own-concern"));
    }

    @Test
    void a_decision_not_to_share_is_recorded_with_its_reasons() {
        String concern = raised("neglect");
        as(practitioner(police)).body("""
                {"toAgency": "%s", "concernIds": ["%s"], "purpose": "safeguarding",
                 "reasons": "Already known to children's social care; sharing adds nothing"}""".formatted(csc, concern))
                .post("/shares/declined").then().statusCode(201)
                .body("reasons", containsString("Already known"))
                .body("toAgency", equalTo(csc));
        as(practitioner(police)).body("{\"toAgency\": \"" + csc + "\", \"concernIds\": [\"" + concern + "\"], "
                + "\"purpose\": \"safeguarding\"}").post("/shares/declined").then().statusCode(400)
                .body("violations[0].field", equalTo("reasons"));
    }


    private long count(String table) {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    @Test
    void a_shared_note_is_a_piece_of_the_picture_the_rules_see_at_once() {
        String concern = raised("neglect");
        String child = as(practitioner(police)).get("/concerns/" + concern).then().extract().path("childId");
        as(TestTokens.token("lead", csc, org.joinedup.platform.security.Roles.SAFEGUARDING_LEAD)).queryParam("childId", child)
                .get("/flags").then().body("$", org.hamcrest.Matchers.hasSize(0));
        String shareId = as(practitioner(csc)).body("""
                        {"toAgency": "%s", "childId": "%s", "note": "Known to us: older sibling on a plan.",
                         "purpose": "safeguarding", "lawfulBasis": "public-task",
                         "consent": {"status": "not-sought", "reason": "seeking consent could place the child at risk"}}"""
                        .formatted(police, child))
                .post("/shares").then().statusCode(201).extract().path("shareId");
        as(TestTokens.token("lead", csc, org.joinedup.platform.security.Roles.SAFEGUARDING_LEAD)).queryParam("childId", child)
                .get("/flags").then()
                .body("rule", contains("several-agencies"))
                .body("[0].concernIds", contains(concern))
                .body("[0].shareIds", contains(shareId))
                .body("[0].summary", equalTo("2 agencies raised concerns or shared notes within 90 days"));
    }
}
