package org.joinedup.console.pages;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.joinedup.console.api.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A service's problem+json, as the share and referral forms show it beside each field. */
class RefusalsTest {
    static WebApplicationException answer(int status, String body) {
        return new WebApplicationException(Response.status(status).type("application/problem+json").entity(body).build());
    }

    @Test
    void each_named_field_is_shown_beside_its_form_field_in_plain_english() {
        Problems.Refusal refusal = Problems.refusal(answer(400, """
                {"title": "Invalid request", "status": 400, "detail": "2 fields are invalid",
                 "violations": [{"field": "consent.reason", "rule": "required-unless-given", "message": "say why"},
                                {"field": "concernIds[1]", "rule": "uuid", "message": "must be a concern id (a UUID)"},
                                {"field": "concernIds[2]", "rule": "uuid", "message": "a second one"}]}"""));
        assertEquals(400, refusal.status());
        assertEquals("2 fields are invalid", refusal.detail());
        Map<String, String> errors = Sending.errors(refusal);
        assertEquals(Map.of("consentReason", "Say why consent was not given (not sought, or refused, and why)",
                "concernIds", "Select the concerns from the list"), errors, "the first rule per field, in the console's words");
        assertEquals(List.of("consentReason", "concernIds"), List.copyOf(errors.keySet()), "in the service's order");
    }

    @Test
    void a_refusal_naming_no_field_the_form_has_is_said_above_the_form() {
        Problems.Refusal refusal = Problems.refusal(answer(403, """
                {"title": "Forbidden", "status": 403, "detail": "only a safeguarding lead may share without a covering agreement"}"""));
        assertEquals(Map.of(), Sending.errors(refusal));
        assertEquals("Only a safeguarding lead may share without a covering agreement", Sending.summary(refusal));
    }

    @Test
    void an_answer_that_is_not_problem_json_still_gives_a_sentence() {
        Problems.Refusal refusal = Problems.refusal(answer(422, "<html>proxy error</html>"));
        assertEquals(Map.of(), refusal.fields());
        assertNull(refusal.detail());
        assertEquals("The request could not be carried out.", Sending.summary(refusal));
    }
}
