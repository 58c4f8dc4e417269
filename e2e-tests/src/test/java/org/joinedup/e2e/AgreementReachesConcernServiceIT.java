package org.joinedup.e2e;

import io.restassured.specification.RequestSpecification;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.testing.ServiceProcess;
import org.joinedup.testing.TestInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An agreement made and signed in the packaged agency-directory-service becomes usable in the
 * packaged concern-service through directory.events alone: concern-service has no client of the
 * directory, and answers from its own database with the same rule.
 */
class AgreementReachesConcernServiceIT {
    static ServiceProcess directory;
    static ServiceProcess concerns;

    @BeforeAll
    static void start() {
        TestInfrastructure.ensureStarted();
        directory = new ServiceProcess("agency-directory-service", "e2e_directory").start();
        concerns = new ServiceProcess("concern-service", "e2e_concern_directory").start();
    }

    @AfterAll
    static void stop() {
        if (directory != null) {
            directory.stop();
        }
        if (concerns != null) {
            concerns.stop();
        }
    }

    @Test
    void an_agreement_activated_in_the_directory_is_usable_in_concern_service() {
        String admin = TestTokens.token("admin", "haringey-csc", "directory-admin");
        String police = "police-" + UUID.randomUUID().toString().substring(0, 8);
        String school = "school-" + UUID.randomUUID().toString().substring(0, 8);
        for (String[] agency : new String[][] {{police, "police"}, {school, "education"}}) {
            as(admin).body("""
                    {"agencyId": "%s", "name": "%s", "kind": "%s", "area": "Haringey",
                     "contact": {"mailbox": "duty@example.org"}}""".formatted(agency[0], agency[0], agency[1]))
                    .post("/agencies").then().statusCode(201);
        }
        String agreement = as(admin).body("""
                {"title": "Schools and police protocol", "parties": ["%s", "%s"],
                 "categories": ["neglect", "missing-from-education"], "purposes": ["safeguarding"],
                 "lawfulBasis": "public-task", "partnershipLevel": "coordination", "meetingFrequency": "quarterly",
                 "validFrom": "2026-01-01", "validTo": "2099-12-31", "reviewDate": "2027-01-01"}"""
                .formatted(police, school)).post("/agreements").then().statusCode(201).extract().path("agreementId");
        for (String party : new String[] {police, school}) {
            as(TestTokens.token("lead-" + party, party, "safeguarding-lead"))
                    .body("{\"signatoryName\": \"N. Signatory\", \"signatoryRole\": \"Head\"}")
                    .post("/agreements/" + agreement + "/signatures").then().statusCode(201);
        }

        DirectoryQueries concernServiceCopy = new DirectoryQueries(concernDatabase());
        SharingPolicy.Question question = new SharingPolicy.Question(school, police, "missing-from-education",
                "safeguarding", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> concernServiceCopy.mayShare(question).allowed());
        assertEquals(UUID.fromString(agreement), concernServiceCopy.mayShare(question).agreementId());
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(directory.baseUrl()).auth().oauth2(token).contentType("application/json");
    }

    private static PGSimpleDataSource concernDatabase() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfrastructure.postgres().jdbcUrl("e2e_concern_directory"));
        ds.setUser("postgres");
        return ds;
    }
}
