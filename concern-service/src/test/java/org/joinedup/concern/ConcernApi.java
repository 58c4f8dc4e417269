package org.joinedup.concern;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** Calls to the concern API as a given caller. */
final class ConcernApi {
    static final String POLICE = "met-police";
    static final String HEALTH = "whittington-health";

    private ConcernApi() {
    }

    static String practitioner(String agency) {
        return TestTokens.token("practitioner-of-" + agency, agency, Roles.PRACTITIONER);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static ValidatableResponse raise(String token, String body) {
        return as(token).body(body).post("/concerns").then();
    }

    static String concern(String nhsNumber, String category, String occurredAt) {
        return """
                {"child": {"nhsNumber": "%s"},
                 "category": "%s", "wellbeingIndicators": ["safe"], "riskLevel": "medium",
                 "description": "Bruising on the forearm, explanation inconsistent.",
                 "childsVoice": "I fell over.", "occurredAt": "%s"}""".formatted(nhsNumber, category, occurredAt);
    }

    static String concernByName(String family, String given, String dob) {
        return concernByName(family, given, dob, null);
    }

    static String concernByName(String family, String given, String dob, String postcode) {
        return """
                {"child": {"familyName": "%s", "givenName": "%s", "dateOfBirth": "%s"%s},
                 "category": "neglect", "riskLevel": "low", "description": "Not collected from school.",
                 "occurredAt": "2026-11-02T15:30:00Z"}""".formatted(family, given, dob,
                postcode == null ? "" : ", \"postcode\": \"" + postcode + "\"");
    }
}
