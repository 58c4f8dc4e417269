package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;

/** Finding a child: every record that may be the child, with its evidence, as far as the caller may know of it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class ChildSearchTest {
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

    static String family() {
        StringBuilder s = new StringBuilder("Z");
        for (int i = 0; i < 7; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    static String raised(String agency, String nhs, String family, String given, String dob) {
        String child = nhs == null ? "" : "\"nhsNumber\": \"" + nhs + "\", ";
        return raise(practitioner(agency), """
                {"child": {%s"familyName": "%s", "givenName": "%s", "dateOfBirth": "%s"}, "category": "neglect",
                 "riskLevel": "low", "description": "Not collected from school.", "occurredAt": "2026-11-02T15:30:00Z"}"""
                .formatted(child, family, given, dob)).statusCode(201).extract().path("childId");
    }

    @Test
    void by_nhs_number_the_one_record_it_names() {
        String nhs = TestNhsNumbers.next();
        String child = raised(POLICE, nhs, family(), "Ama", "2018-05-09");
        as(practitioner(POLICE)).queryParam("nhsNumber", nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6))
                .get("/children").then().statusCode(200)
                .body("childId", contains(child)).body("[0].reasons", contains("same NHS number"))
                .body("[0].basis", equalTo("relationship")).body("[0].identifications", hasSize(1));
        assertRead(child, "child-search");
    }

    @Test
    void by_names_and_date_of_birth_every_record_that_may_be_the_child_with_its_evidence() {
        String family = family();
        String exact = raised(POLICE, null, family, "Victoria", "2016-11-02");
        String misspelt = raised(HEALTH, null, family + "e", "Viktoria", "2016-11-02");
        String swapped = raised(POLICE, null, family, "Victoria", "2016-02-11");
        raised(POLICE, null, family(), "Victoria", "2016-11-02");
        as(lead(TestArea.FRONT_DOOR)).queryParam("familyName", family).queryParam("givenName", "Victoria")
                .queryParam("dateOfBirth", "2016-11-02").get("/children").then().statusCode(200)
                .body("childId", hasItem(exact)).body("childId", hasItem(misspelt)).body("childId", hasItem(swapped))
                .body("[0].childId", equalTo(exact)).body("[0].reasons", containsInAnyOrder("same names", "same date of birth"))
                .body("find { it.childId == '" + swapped + "' }.reasons", hasItem("day and month of birth swapped"))
                .body("find { it.childId == '" + misspelt + "' }.reasons", hasItem("similar names"));
    }

    @Test
    void by_names_and_an_approximate_age_when_the_date_of_birth_is_not_known() {
        String family = family();
        int year = LocalDate.now().getYear() - 8;
        String child = raised(POLICE, null, family, "Kofi", year + "-02-11");
        String older = raised(POLICE, null, family, "Kofi", (year - 6) + "-02-11");
        as(practitioner(POLICE)).queryParam("familyName", family).queryParam("givenName", "Kofi").queryParam("ageYears", "8")
                .get("/children").then().statusCode(200)
                .body("childId", contains(child)).body("childId", not(hasItem(older)))
                .body("[0].reasons", hasItem("of about that age"));
    }

    @Test
    void a_record_the_caller_s_agency_has_no_relationship_with_is_not_mentioned() {
        String nhs = TestNhsNumbers.next();
        String family = family();
        raised(POLICE, nhs, family, "Ama", "2018-05-09");
        as(practitioner("northside-primary")).queryParam("nhsNumber", nhs).get("/children").then().statusCode(200)
                .body("$", hasSize(0));
        as(lead("northside-primary")).queryParam("familyName", family).queryParam("givenName", "Ama")
                .queryParam("dateOfBirth", "2018-05-09").get("/children").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void a_search_names_what_is_missing_or_wrong() {
        as(practitioner(POLICE)).get("/children").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("familyName", "givenName", "dateOfBirth"));
        as(practitioner(POLICE)).queryParam("nhsNumber", "9434765918").get("/children").then().statusCode(400)
                .body("violations.rule", contains("nhs-number-check-digit"));
        as(practitioner(POLICE)).queryParam("nhsNumber", "12345").get("/children").then().statusCode(400)
                .body("violations.rule", contains("nhs-number-format"));
        as(practitioner(POLICE)).queryParam("familyName", "Mensah").queryParam("givenName", "Ama")
                .queryParam("dateOfBirth", "2099-01-01").get("/children").then().statusCode(400)
                .body("violations.rule", contains("not-in-future"));
        as(practitioner(POLICE)).queryParam("familyName", "Mensah").queryParam("givenName", "Ama")
                .queryParam("ageYears", "40").get("/children").then().statusCode(400)
                .body("violations.field", contains("ageYears"));
        as(practitioner(POLICE)).queryParam("familyName", "Mensah").queryParam("givenName", "Ama")
                .queryParam("dateOfBirth", "9 May 2018").get("/children").then().statusCode(400)
                .body("violations.field", contains("dateOfBirth"));
        as(TestTokens.token("i", null, Roles.INSPECTOR)).queryParam("familyName", "Mensah").queryParam("givenName", "Ama")
                .queryParam("dateOfBirth", "2018-05-09").get("/children").then().statusCode(400)
                .body("violations.field", contains("nhsNumber")).body("violations.rule", contains("required-for-inspectors"));
        as(TestTokens.token("i", null, Roles.DIRECTORY_ADMIN)).queryParam("nhsNumber", TestNhsNumbers.next()).get("/children")
                .then().statusCode(403);
    }

    @Test
    void an_inspector_finds_a_child_by_nhs_number_and_the_read_is_recorded_as_an_inspector_s() {
        String nhs = TestNhsNumbers.next();
        String child = raised(POLICE, nhs, family(), "Ama", "2018-05-09");
        as(TestTokens.token("inspector-1", null, Roles.INSPECTOR)).queryParam("nhsNumber", nhs).get("/children").then()
                .statusCode(200).body("childId", contains(child)).body("[0].basis", equalTo("inspector"))
                .body("[0].identifications[0].nhsNumber", equalTo(nhs));
        org.hamcrest.MatcherAssert.assertThat(TestEvents.accesses(dataSource, child),
                hasItem(org.hamcrest.Matchers.endsWith(" child-search inspector-1 -")));
        as(TestTokens.token("inspector-1", null, Roles.INSPECTOR)).queryParam("nhsNumber", TestNhsNumbers.next()).get("/children")
                .then().statusCode(200).body("", hasSize(0));
    }

    void assertRead(String child, String what) {
        org.hamcrest.MatcherAssert.assertThat(TestEvents.accesses(dataSource, child),
                hasItem(POLICE + " " + what + " practitioner-of-" + POLICE + " -"));
    }
}
