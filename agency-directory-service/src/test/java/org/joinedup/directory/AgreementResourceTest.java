package org.joinedup.directory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.agreement.AgreementExpiry;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.joinedup.directory.Directory.ADMIN;
import static org.joinedup.directory.Directory.INSPECTOR;
import static org.joinedup.directory.Directory.agreement;
import static org.joinedup.directory.Directory.as;
import static org.joinedup.directory.Directory.lead;
import static org.joinedup.directory.Directory.practitioner;
import static org.joinedup.directory.Directory.propose;
import static org.joinedup.directory.Directory.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
class AgreementResourceTest {
    @Inject
    DataSource dataSource;

    @Inject
    AgreementExpiry expiry;

    String police;
    String csc;
    String health;
    String outsider;

    @BeforeEach
    void agencies() {
        police = Directory.register("police");
        csc = Directory.register("childrens-social-care");
        health = Directory.register("health");
        outsider = Directory.register("education");
    }

    String proposeCurrent() {
        return propose(agreement(List.of(police, csc, health), "2026-01-01", "2099-12-31", "2027-01-01"))
                .statusCode(201).extract().path("agreementId");
    }

    @Test
    void a_proposed_agreement_awaits_every_partys_signature() {
        String id = proposeCurrent();
        as(INSPECTOR).get("/agreements/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("proposed"))
                .body("terms.parties", contains(police, csc, health))
                .body("terms.lawfulBasis", equalTo("public-task"))
                .body("awaitingSignatureFrom", contains(police, csc, health));
    }

    @Test
    void it_is_active_only_once_every_party_has_signed_and_then_sharing_is_allowed() {
        String id = proposeCurrent();
        sign(lead(police), id).statusCode(201).body("status", equalTo("proposed"));
        sign(adminOf(csc), id).statusCode(201).body("status", equalTo("proposed"))
                .body("awaitingSignatureFrom", contains(health));
        decision(police, csc, "neglect").body("allowed", equalTo(false))
                .body("reasons[0]", containsString("not signed by every party"));

        sign(lead(health), id).statusCode(201)
                .body("status", equalTo("active"))
                .body("awaitingSignatureFrom", empty())
                .body("signatures.party", containsInAnyOrder(police, csc, health))
                .body("signatures[0].signatoryRole", equalTo("Head of Service"));
        assertEquals(List.of("sharing-agreement-proposed", "sharing-agreement-signed", "sharing-agreement-signed",
                "sharing-agreement-signed", "sharing-agreement-activated"), TestEvents.types(dataSource, "agreement-" + id));

        decision(police, csc, "neglect").body("allowed", equalTo(true)).body("agreementId", equalTo(id));
        decision(police, csc, "self-harm").body("allowed", equalTo(false))
                .body("reasons[0]", containsString("does not cover the category 'self-harm'"));
        decision(police, outsider, "neglect").body("allowed", equalTo(false))
                .body("reasons[0]", containsString("no data-sharing agreement binds both"));
    }

    @Test
    void signing_twice_for_the_same_party_is_idempotent_one_event() {
        String id = proposeCurrent();
        sign(lead(police), id).statusCode(201).header("ETag", "\"2\"");
        sign(lead(police), id).statusCode(200).header("ETag", "\"2\"");
        assertEquals(1, TestEvents.types(dataSource, "agreement-" + id).stream().filter("sharing-agreement-signed"::equals).count());
    }

    @Test
    void signing_by_someone_not_acting_for_a_party_is_403() {
        String id = proposeCurrent();
        sign(lead(outsider), id).statusCode(403).contentType("application/problem+json");
        sign(practitioner(police), id).statusCode(403);
        assertEquals(List.of("sharing-agreement-proposed"), TestEvents.types(dataSource, "agreement-" + id));
    }

    @Test
    void an_agreement_is_visible_to_its_parties_leads_and_inspectors_only() {
        String id = proposeCurrent();
        as(practitioner(police)).get("/agreements/" + id).then().statusCode(200);
        as(practitioner(outsider)).get("/agreements/" + id).then().statusCode(403);
        as(lead(outsider)).get("/agreements/" + id).then().statusCode(200);
        as(INSPECTOR).get("/agreements/" + id).then().statusCode(200);
    }

    @Test
    void revoking_needs_a_reason_the_current_etag_and_cannot_happen_twice() {
        String id = proposeCurrent();
        for (String party : List.of(police, csc, health)) {
            sign(lead(party), id).statusCode(201);
        }
        as(ADMIN).body("{}").post("/agreements/" + id + "/revocation").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(ADMIN).header("If-Match", "\"3\"").body("{\"reason\": \"superseded\"}")
                .post("/agreements/" + id + "/revocation").then().statusCode(412);
        as(practitioner(police)).body("{\"reason\": \"x\"}").post("/agreements/" + id + "/revocation").then()
                .statusCode(403);
        as(ADMIN).header("If-Match", "\"5\"").body("{\"reason\": \"Superseded by the 2027 protocol\"}")
                .post("/agreements/" + id + "/revocation").then().statusCode(200)
                .body("status", equalTo("revoked"))
                .body("revocationReason", equalTo("Superseded by the 2027 protocol"));
        as(ADMIN).body("{\"reason\": \"again\"}").post("/agreements/" + id + "/revocation").then().statusCode(409);
        sign(lead(police), id).statusCode(409);
        decision(police, csc, "neglect").body("allowed", equalTo(false)).body("reasons[0]", containsString("revoked"));
    }

    @Test
    void an_agreement_past_its_valid_to_day_expires_once() {
        String id = propose(agreement(List.of(police, csc), "2020-01-01", "2020-12-31", "2020-06-01"))
                .statusCode(201).extract().path("agreementId");
        List<java.util.UUID> expired = expiry.expireAsOf(LocalDate.of(2021, 1, 1));
        org.hamcrest.MatcherAssert.assertThat(expired, hasItem(java.util.UUID.fromString(id)));
        expiry.expireAsOf(LocalDate.of(2021, 1, 2));
        as(INSPECTOR).get("/agreements/" + id).then().body("status", equalTo("expired"));
        assertEquals(List.of("sharing-agreement-proposed", "sharing-agreement-expired"), TestEvents.types(dataSource, "agreement-" + id));
        sign(lead(police), id).statusCode(409);
    }

    @Test
    void bad_agreements_are_400_naming_the_field() {
        propose(agreement(List.of(police), "2026-01-01", "2026-12-31", "2026-06-01")).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("parties")).body("violations.rule", contains("at-least-two-parties"));
        propose(agreement(List.of(police, police), "2026-01-01", "2026-12-31", "2026-06-01")).statusCode(400)
                .body("violations.rule", contains("at-least-two-parties"));
        propose(agreement(List.of(police, csc), "2026-12-31", "2026-01-01", "2026-06-01")).statusCode(400)
                .body("violations.field", contains("validTo")).body("violations.rule", contains("not-before-valid-from"));
        propose(agreement(List.of(police, csc), "2026-01-01", "2026-12-31", "2026-06-01")
                .replace("\"referral\"", "\"gossip\"")).statusCode(400)
                .body("violations.field", contains("categories[3]")).body("violations.rule", contains("known-category"));
        propose(agreement(List.of(police, csc), "2026-01-01", "2026-12-31", "2026-06-01")
                .replace("\"lawfulBasis\": \"public-task\",", "")).statusCode(400)
                .body("violations.field", contains("lawfulBasis")).body("violations.rule", contains("required"));
        propose(agreement(List.of(police, csc), "2026-01-01", "2026-12-31", "2027-06-01")).statusCode(400)
                .body("violations.field", contains("reviewDate"));
    }

    @Test
    void an_unknown_or_deactivated_party_is_422() {
        propose(agreement(List.of(police, "no-such-agency"), "2026-01-01", "2026-12-31", "2026-06-01")).statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("parties[1]"))
                .body("violations[0].rule", equalTo("known-agency"));
        as(ADMIN).body("{\"reason\": \"closed\"}").post("/agencies/" + health + "/deactivation").then().statusCode(200);
        propose(agreement(List.of(police, health), "2026-01-01", "2026-12-31", "2026-06-01")).statusCode(422)
                .body("violations[0].rule", equalTo("active-agency"));
        decision(police, health, "neglect").statusCode(422);
    }

    @Test
    void only_directory_admins_propose() {
        as(lead(police)).body(agreement(List.of(police, csc), "2026-01-01", "2026-12-31", "2026-06-01"))
                .post("/agreements").then().statusCode(403);
    }

    @Test
    void a_sharing_question_with_bad_parts_is_400() {
        as(practitioner(police)).queryParam("from", police).queryParam("to", csc).queryParam("category", "gossip")
                .queryParam("purpose", "curiosity").queryParam("at", "yesterday").get("/sharing-decisions").then()
                .statusCode(400).body("violations.field", contains("category", "purpose", "at"));
    }

    static String adminOf(String agency) {
        return org.joinedup.testing.TestTokens.token("admin-of-" + agency, agency,
                org.joinedup.platform.security.Roles.DIRECTORY_ADMIN);
    }

    io.restassured.response.ValidatableResponse decision(String from, String to, String category) {
        return as(practitioner(from)).queryParam("from", from).queryParam("to", to).queryParam("category", category)
                .queryParam("purpose", "safeguarding").get("/sharing-decisions").then();
    }

}
