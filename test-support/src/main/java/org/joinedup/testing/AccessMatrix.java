package org.joinedup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The need-to-know matrix of a service (docs/access.md): for every GET operation of its OpenAPI
 * document, what each kind of caller gets. A test lists, per operation, the request that reads a probe
 * record about one child and a row per caller (none, own, shared, team member, front door, break-glass,
 * inspector, a wrong role) with the answer the policy gives. The operations come from the document the
 * service serves, so an endpoint added without rows fails the build.
 */
public final class AccessMatrix {
    /** What a caller gets. */
    public enum Answer {
        /** 200, and the probe record in full. */
        FULL,
        /** 200, and the probe record only as a headline. */
        HEADLINE,
        /** 200, and the probe record not there at all (a list without it). */
        ABSENT,
        /** 200: an answer with nothing about a child to weigh (the caller's own list, a ledger check). */
        OK,
        /** 404 problem+json, as for a record that does not exist. */
        NOT_FOUND,
        /** 403 problem+json: the caller's role may not use the operation. */
        FORBIDDEN,
        /** 400 problem+json naming a field: the caller may use the operation, but not asked this way. */
        INVALID
    }

    /**
     * How one GET operation is read for the probe.
     *
     * @param path     the request path, ids filled in
     * @param full     a GPath that finds something only a full view of the probe has (null: none there)
     * @param headline a GPath that finds the probe's headline (null: none there)
     */
    public record Probe(String path, String full, String headline) {
    }

    private final Map<String, Supplier<Probe>> probes = new LinkedHashMap<>();
    private final Map<String, Map<String, Answer>> rows = new LinkedHashMap<>();
    private final Map<String, String> tokens;

    /** @param tokens each caller's name and token */
    public AccessMatrix(Map<String, String> tokens) {
        this.tokens = tokens;
    }

    /** An operation (as the OpenAPI document names its path), how to probe it, and each caller's answer. */
    public AccessMatrix operation(String openApiPath, Supplier<Probe> probe, Map<String, Answer> answers) {
        probes.put(openApiPath, probe);
        Set<String> missing = new TreeSet<>(tokens.keySet());
        missing.removeAll(answers.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(openApiPath + " has no row for " + missing);
        }
        rows.put(openApiPath, answers);
        return this;
    }

    /**
     * Callers for each relationship in each of the two roles that read children's data: a practitioner
     * ({@code <relationship>/practitioner}) and a safeguarding lead ({@code <relationship>/lead}) of the
     * relationship's agency, and an inspector.
     */
    public static Map<String, String> callersByRole(List<String> relationships, Map<String, String> agencyOf) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String r : relationships) {
            String agency = agencyOf.get(r);
            callers.put(r + "/practitioner", TestTokens.token("pr-" + agency, agency, "practitioner"));
            callers.put(r + "/lead", TestTokens.token("dsl-" + agency, agency, "safeguarding-lead"));
        }
        callers.put("inspector", TestTokens.token("inspector-1", null, "inspector"));
        return callers;
    }

    /**
     * The rows for {@link #callersByRole}: each relationship's answer for a practitioner and for a lead, in
     * the relationships' order; a null list means the role may not use the operation (403), and the
     * inspector, who reads through the audit service, gets 403 too.
     */
    public static Map<String, Answer> byRole(List<String> relationships, List<Answer> practitioner, List<Answer> lead) {
        Map<String, Answer> m = new LinkedHashMap<>();
        for (int i = 0; i < relationships.size(); i++) {
            m.put(relationships.get(i) + "/practitioner", practitioner == null ? Answer.FORBIDDEN : practitioner.get(i));
            m.put(relationships.get(i) + "/lead", lead == null ? Answer.FORBIDDEN : lead.get(i));
        }
        m.put("inspector", Answer.FORBIDDEN);
        return m;
    }

    /** The GET operations a service's OpenAPI document (JSON) lists. */
    public static Set<String> getOperations(String openApiJson) {
        try {
            JsonNode doc = new ObjectMapper().readTree(openApiJson);
            Set<String> gets = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> p = paths.next();
                if (p.getValue().has("get")) {
                    gets.add(p.getKey());
                }
            }
            return gets;
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    /** Fails unless every GET operation of the served document has rows here, and every row an operation. */
    public void coversTheServedDocument() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(getOperations(doc), new TreeSet<>(rows.keySet()),
                "each GET operation of the OpenAPI document needs its need-to-know rows (docs/access.md)");
    }

    /** One dynamic test per operation and caller. */
    public Stream<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        rows.forEach((op, answers) -> answers.forEach((caller, answer) -> tests.add(DynamicTest.dynamicTest(
                "GET " + op + " as " + caller + " is " + answer, () -> check(op, caller, answer)))));
        return tests.stream();
    }

    private void check(String op, String caller, Answer expected) {
        Probe probe = probes.get(op).get();
        Response r = given().auth().oauth2(tokens.get(caller)).get(probe.path());
        String where = "GET " + probe.path() + " as " + caller + ": " + r.statusCode() + " " + r.asString();
        switch (expected) {
            case NOT_FOUND, FORBIDDEN -> {
                assertEquals(expected == Answer.NOT_FOUND ? 404 : 403, r.statusCode(), where);
                assertTrue(r.contentType().startsWith("application/problem+json"), where);
            }
            case OK -> assertEquals(200, r.statusCode(), where);
            case INVALID -> {
                assertEquals(400, r.statusCode(), where);
                assertTrue(r.contentType().startsWith("application/problem+json"), where);
                assertNotNull(r.jsonPath().get("violations[0].field"), "the refusal names the field: " + where);
            }
            case FULL, HEADLINE, ABSENT -> {
                assertEquals(200, r.statusCode(), where);
                Object full = probe.full() == null ? null : r.jsonPath().get(probe.full());
                Object headline = probe.headline() == null ? null : r.jsonPath().get(probe.headline());
                if (expected == Answer.FULL) {
                    assertNotNull(empty(full), "the probe in full: " + where);
                    assertNull(empty(headline), "no headline of the probe: " + where);
                } else if (expected == Answer.HEADLINE) {
                    assertNull(empty(full), "nothing of the probe in full: " + where);
                    assertNotNull(empty(headline), "the probe's headline: " + where);
                } else {
                    assertNull(empty(full), "nothing of the probe: " + where);
                    assertNull(empty(headline), "nothing of the probe: " + where);
                }
            }
            default -> fail("no such answer " + expected);
        }
    }

    /** A GPath over a list answers an empty list when nothing matched, and a condition false: that is nothing. */
    private static Object empty(Object found) {
        return (found instanceof List<?> l && l.isEmpty()) || Boolean.FALSE.equals(found) ? null : found;
    }
}
