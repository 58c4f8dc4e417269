package org.joinedup.concern;

import org.joinedup.testing.TestNhsNumbers;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.raise;

/** quarkus-oidc verifies real RS256 tokens: each way a token can be wrong is refused. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class TokenCheckTest {
    static String body() {
        return concern(TestNhsNumbers.next(), "neglect", "2026-11-19T08:00:00Z");
    }

    @Test
    void no_token_is_401() {
        given().contentType("application/json").body(body()).post("/concerns").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("Authorization"));
        given().get("/concerns/" + java.util.UUID.randomUUID()).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void an_expired_token_is_401() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = TestTokens.sign(TestTokens.claims("p", POLICE, Roles.PRACTITIONER)
                .issuedAt(past.minusSeconds(300)).expiresAt(past));
        raise(token, body()).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", org.hamcrest.Matchers.endsWith("unauthorized"));
    }

    @Test
    void a_token_from_another_issuer_is_401() {
        raise(TestTokens.sign(TestTokens.claims("p", POLICE, Roles.PRACTITIONER).issuer("https://evil.example/realms/x")),
                body()).statusCode(401);
    }

    @Test
    void a_token_for_another_audience_is_401() {
        raise(TestTokens.sign(TestTokens.claims("p", POLICE, Roles.PRACTITIONER).audience("some-other-api")), body())
                .statusCode(401);
    }

    @Test
    void a_token_signed_by_an_untrusted_key_is_401() {
        raise(TestTokens.signWithUntrustedKey(TestTokens.claims("p", POLICE, Roles.PRACTITIONER)), body())
                .statusCode(401);
    }

    @Test
    void a_garbled_token_is_401() {
        raise("not.a.jwt", body()).statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR, Roles.DIRECTORY_ADMIN})
    void roles_other_than_practitioner_cannot_raise_or_read_concerns(String role) {
        String token = TestTokens.token("u", POLICE, role);
        raise(token, body()).statusCode(403).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(403));
        given().auth().oauth2(token).get("/concerns/" + java.util.UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void a_token_with_no_roles_is_403() {
        raise(TestTokens.token("u", POLICE), body()).statusCode(403);
    }
}
