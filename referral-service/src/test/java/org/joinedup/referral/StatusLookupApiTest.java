package org.joinedup.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.status.ChildStatuses;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.joinedup.referral.ReferralWorld.as;
import static org.joinedup.referral.ReferralWorld.lead;
import static org.joinedup.referral.ReferralWorld.practitioner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Is anyone worried?" (issue 26): an emergency department asks by NHS number and learns the child's status and
 * whom to call, never details; the lookup is recorded and told; the same answer as FHIR R4, validated with HAPI.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class StatusLookupApiTest {
    static final FhirContext FHIR = FhirContext.forR4();
    static final FhirValidator VALIDATOR = validator();

    @Inject
    DirectoryQueries directory;

    @Inject
    NeedToKnowFacts facts;

    @Inject
    ChildStatuses statuses;

    @Inject
    DataSource dataSource;

    ReferralWorld w;
    String nhs;
    UUID child;
    String police;
    String emergencyDepartment;
    String outOfHours;

    static FhirValidator validator() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
        FhirValidator v = FHIR.newValidator();
        v.registerValidatorModule(new FhirInstanceValidator(chain));
        return v;
    }

    @BeforeEach
    void world() {
        w = new ReferralWorld().publish();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        police = "force-" + suffix;
        emergencyDepartment = "north-mid-ed-" + suffix;
        outOfHours = "gp-ooh-" + suffix;
        Instant t = Instant.now().minusSeconds(3600);
        for (String[] a : new String[][] {{police, "police"}, {emergencyDepartment, "health"}, {outOfHours, "general-practice"}}) {
            TestEvents.publish(new AgencyRegistered(a[0], a[0], a[1], "Haringey", new Contact("duty@" + a[0] + ".example", "020 7000 0000"),
                    List.of(), "admin", t), "/agency-directory-service");
        }
        nhs = TestNhsNumbers.next();
        child = UUID.randomUUID();
        TestEvents.publish(new ConcernRaised(UUID.randomUUID(), child, w.police, "pc-1", new ChildIdentification(nhs, "Mensah",
                "Ama", LocalDate.of(2018, 5, 9), "N17 0AA", List.of()), "physical-abuse", List.of("safe"), "immediate",
                "bruising to both arms", null, t, t), "/concern-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(outOfHours).isPresent()
                && !statuses.records(nhs).isEmpty() && !facts.groups(List.of(child)).isEmpty());
    }

    io.restassured.response.Response ask(String agency, String nhsNumber) {
        return practitioner(agency).queryParam("nhsNumber", nhsNumber).queryParam("purpose", "attended with a head injury")
                .get("/child-status");
    }

    void onAPlan() {
        String held = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS).toString();
        String episode = lead(w.csc).body("""
                {"childId": "%s", "heldAt": "%s", "decision": "section-47-enquiry", "reason": "significant harm suspected",
                 "attendance": [{"agencyId": "%s", "attended": true}, {"agencyId": "%s", "attended": true}]}"""
                .formatted(child, held, police, emergencyDepartment)).post("/child-protection").then().statusCode(201)
                .extract().path("episodeId");
        lead(w.csc).body("{\"outcome\": \"substantiated-continuing-risk\", \"summary\": \"s\"}")
                .post("/child-protection/" + episode + "/enquiry-outcome").then().statusCode(200);
        lead(w.csc).body("{\"heldAt\": \"" + held + "\", \"categories\": [\"physical-abuse\"], \"leadSocialWorker\": \"Priya Shah\"}")
                .post("/child-protection/" + episode + "/initial-conference").then().statusCode(200);
    }

    @Test
    void a_child_on_a_plan_is_told_with_whom_to_call_never_details_and_the_local_authority_is_told_of_the_lookup() {
        onAPlan();
        ask(emergencyDepartment, nhs).then().statusCode(200).contentType("application/json")
                .body("status", equalTo("child-protection-plan"), "categories", equalTo(List.of("physical-abuse")),
                        "whomToCall.agencyId", equalTo(w.csc), "recentLookups", hasSize(0));
        String answer = ask(emergencyDepartment, nhs).asString();
        assertTrue(!answer.contains("bruising") && !answer.contains("Priya") && !answer.contains(child.toString())
                && !answer.contains("Mensah"), answer);
        // An out-of-hours GP asking next sees the emergency department's lookups: repeated visits become visible.
        ask(outOfHours, nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6)).then().statusCode(200)
                .body("recentLookups", hasSize(2), "recentLookups[0].agencyId", equalTo(emergencyDepartment));
        List<String> told = TestEvents.types(dataSource, "status-lookup-" + lookupIds().get(0));
        assertEquals(List.of("child-status-looked-up"), told);
        // Asking makes no relationship: the emergency department still cannot read the child's records.
        practitioner(emergencyDepartment).get("/child-protection?childId=" + child).then().statusCode(404);
    }

    @Test
    void a_child_with_no_status_is_answered_exactly_as_an_unknown_one_and_both_lookups_are_recorded() {
        String known = ask(emergencyDepartment, nhs).then().statusCode(200).body("status", equalTo("none")).extract().asString();
        String unknown = ask(emergencyDepartment, TestNhsNumbers.next()).then().statusCode(200).extract().asString();
        assertEquals(unknown, known);
        Integer rows = io.restassured.path.json.JsonPath.from("{\"n\": " + count() + "}").get("n");
        assertTrue(rows >= 2, "every lookup is recorded");
    }

    @Test
    void the_same_answer_as_fhir_r4_a_bundle_of_flags_valid_against_the_r4_specification() {
        String empty = practitioner(emergencyDepartment).header("Access-Purpose", "attended with a head injury")
                .queryParam("patient.identifier", "https://fhir.nhs.uk/Id/nhs-number|" + nhs).get("/fhir/Flag").then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        assertValid(empty);
        assertEquals(0, FHIR.newJsonParser().parseResource(Bundle.class, empty).getTotal());
        onAPlan();
        String json = practitioner(emergencyDepartment).header("Access-Purpose", "attended with a head injury")
                .queryParam("patient.identifier", "https://fhir.nhs.uk/Id/nhs-number|" + nhs).get("/fhir/Flag").then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        assertValid(json);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(1, bundle.getTotal());
        Flag flag = (Flag) bundle.getEntryFirstRep().getResource();
        assertEquals(Flag.FlagStatus.ACTIVE, flag.getStatus());
        assertEquals("child-protection-plan", flag.getCode().getCodingFirstRep().getCode());
        assertEquals(nhs, flag.getSubject().getIdentifier().getValue());
        assertTrue(flag.getAuthor().getDisplay().startsWith(w.csc), flag.getAuthor().getDisplay());
    }

    @Test
    void every_bad_input_is_named_and_only_registered_agencies_ask() {
        practitioner(emergencyDepartment).get("/child-status").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("nhsNumber", "purpose"));
        ask(emergencyDepartment, "12345").then().statusCode(400).body("violations[0].rule", equalTo("nhs-number-format"));
        ask(emergencyDepartment, "9434765918").then().statusCode(400).body("violations[0].rule", equalTo("nhs-number-check-digit"));
        practitioner(emergencyDepartment).queryParam("nhsNumber", nhs).queryParam("purpose", "x".repeat(201)).get("/child-status")
                .then().statusCode(400).body("violations[0].field", equalTo("purpose"));
        practitioner(emergencyDepartment).queryParam("patient.identifier", "urn:oid:1.2|" + nhs).header("Access-Purpose", "p")
                .get("/fhir/Flag").then().statusCode(400).body("violations[0].rule", equalTo("nhs-number-system"));
        practitioner(emergencyDepartment).queryParam("patient.identifier", "https://fhir.nhs.uk/Id/nhs-number|" + nhs)
                .get("/fhir/Flag").then().statusCode(400).body("violations[0].field", equalTo("Access-Purpose"));
        ask("not-registered-" + UUID.randomUUID().toString().substring(0, 6), nhs).then().statusCode(403);
        as(TestTokens.token("insp-1", null, Roles.INSPECTOR)).queryParam("nhsNumber", nhs).queryParam("purpose", "p")
                .get("/child-status").then().statusCode(403);
        as(TestTokens.token("sys-1", emergencyDepartment, Roles.AGENCY_SYSTEM)).queryParam("nhsNumber", nhs)
                .queryParam("purpose", "triage at the front desk").get("/child-status").then().statusCode(200);
        given().queryParam("nhsNumber", nhs).get("/child-status").then().statusCode(401);
    }

    private List<UUID> lookupIds() {
        return org.joinedup.platform.store.Jdbc.query(dataSource, """
                select lookup_id from status_lookup where child_id = ? and agency_id = ? order by looked_up_at""",
                rs -> rs.getObject(1, UUID.class), child, emergencyDepartment);
    }

    private long count() {
        return org.joinedup.platform.store.Jdbc.query(dataSource, "select count(*) from status_lookup where agency_id = ?",
                rs -> rs.getLong(1), emergencyDepartment).get(0);
    }

    private static void assertValid(String json) {
        List<SingleValidationMessage> errors = VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertEquals(List.of(), errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList(), json);
    }
}
