package org.joinedup.directory;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.TestTokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls to the directory API as given callers, and bodies for them. */
final class Directory {
    static final String ADMIN = TestTokens.token("admin-1", "haringey-csc", Roles.DIRECTORY_ADMIN);
    static final String INSPECTOR = TestTokens.token("inspector-1", "ofsted", Roles.INSPECTOR);

    private Directory() {
    }

    static String lead(String agency) {
        return TestTokens.token("lead-of-" + agency, agency, Roles.SAFEGUARDING_LEAD);
    }

    static String practitioner(String agency) {
        return TestTokens.token("practitioner-of-" + agency, agency, Roles.PRACTITIONER);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String agency(String id, String kind) {
        return """
                {"agencyId": "%s", "name": "Agency %s", "kind": "%s", "area": "Haringey",
                 "contact": {"mailbox": "duty@%s.example.org", "phone": "020 7946 0000"},
                 "clientIds": ["%s-system"]}""".formatted(id, id, kind, id, id);
    }

    static String register(String kind) {
        String id = unique(kind.replace("childrens-social-care", "csc"));
        as(ADMIN).body(agency(id, kind)).post("/agencies").then().statusCode(201);
        return id;
    }

    static String agreement(List<String> parties, String validFrom, String validTo, String reviewDate) {
        return """
                {"title": "Haringey MASH information sharing protocol",
                 "parties": [%s],
                 "categories": ["neglect", "physical-abuse", "domestic-abuse", "referral"],
                 "purposes": ["safeguarding", "child-protection-enquiry"],
                 "lawfulBasis": "public-task",
                 "specialCategoryCondition": "DPA 2018 Sch. 1 para 18: safeguarding of children and individuals at risk",
                 "partnershipLevel": "collaboration", "meetingFrequency": "monthly",
                 "validFrom": "%s", "validTo": "%s", "reviewDate": "%s"}"""
                .formatted(String.join(", ", parties.stream().map(p -> "\"" + p + "\"").toList()),
                        validFrom, validTo, reviewDate);
    }

    static ValidatableResponse propose(String body) {
        return as(ADMIN).body(body).post("/agreements").then();
    }

    static ValidatableResponse sign(String token, String agreementId) {
        return as(token).body("{\"signatoryName\": \"A. Signatory\", \"signatoryRole\": \"Head of Service\"}")
                .post("/agreements/" + agreementId + "/signatures").then();
    }
}
