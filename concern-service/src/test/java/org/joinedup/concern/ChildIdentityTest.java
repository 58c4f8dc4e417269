package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One child, several records: likely matches reach the leads' review queue, and leads link, unlink
 * and dismiss, each with a reason. Names are random per test, so other tests' children never meet them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class ChildIdentityTest {
    @jakarta.inject.Inject
    org.joinedup.directory.view.DirectoryQueries testDirectory;

    @org.junit.jupiter.api.BeforeEach
    void testArea() {
        TestArea.haringey(testDirectory);
    }

    static final String LEAD = TestTokens.token("lead-7", "haringey-csc", Roles.SAFEGUARDING_LEAD);

    @Inject
    DataSource dataSource;

    /** A family name nobody else in the build uses, and a date of birth to go with it. */
    record Child(String family, String dob) {
        static Child random() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            StringBuilder s = new StringBuilder("Q");
            for (int i = 0; i < 7; i++) {
                s.append((char) ('a' + r.nextInt(26)));
            }
            return new Child(s.toString(), "20%02d-%02d-%02d".formatted(10 + r.nextInt(10), 1 + r.nextInt(12), 13 + r.nextInt(15)));
        }

        /** A date of birth differing from this child's in every part (year, month and day): a sibling's, not a slip. */
        String anotherBirthday() {
            java.time.LocalDate d = java.time.LocalDate.parse(dob);
            return "%d-%02d-%02d".formatted(d.getYear() + 1, d.getMonthValue() % 12 + 1, d.getDayOfMonth() + 1);
        }
    }

    static String byName(String family, String given, String dob, String extra) {
        return """
                {"child": {"familyName": "%s", "givenName": "%s", "dateOfBirth": "%s"%s},
                 "category": "neglect", "riskLevel": "low", "description": "Not collected from school.",
                 "occurredAt": "2026-11-02T15:30:00Z"}""".formatted(family, given, dob, extra);
    }

    static ExtractableResponse<Response> raised(String agency, String body) {
        return raise(practitioner(agency), body).statusCode(201).extract();
    }

    static Map<String, Object> candidateFor(String childId) {
        List<Map<String, Object>> open = as(LEAD).queryParam("limit", "1000").get("/children/candidates")
                .then().statusCode(200).extract().path("$");
        return open.stream().filter(c -> childId.equals(((Map<?, ?>) c.get("child")).get("childId"))
                || childId.equals(((Map<?, ?>) c.get("otherChild")).get("childId"))).findFirst().orElseThrow(
                () -> new AssertionError("no open candidate for child " + childId));
    }

    @Test
    void a_first_concern_registers_the_child_once() {
        String nhs = TestNhsNumbers.next();
        String child = raised(POLICE, ConcernApi.concern(nhs, "neglect", "2026-11-01T10:00:00Z")).path("childId");
        raised(HEALTH, ConcernApi.concern(nhs, "neglect", "2026-11-02T10:00:00Z"));
        assertEquals(List.of("child-registered"), TestEvents.types(dataSource, "child-" + child));
    }

    static String withNhs(String nhs, String family, String given, String dob, String postcode) {
        return byName(family, given, dob, ", \"nhsNumber\": \"" + nhs + "\", \"postcode\": \"" + postcode + "\"");
    }

    @Test
    void a_sisters_nhs_number_typed_in_on_her_brothers_record_makes_two_children_and_a_queued_conflict() {
        Child c = Child.random();
        String nhs = TestNhsNumbers.next();
        String sister = raised(POLICE, withNhs(nhs, c.family(), "Anna", c.dob(), "N17 0AA")).path("childId");
        String brother = raised(HEALTH, withNhs(nhs, c.family(), "Marcus", c.anotherBirthday(), "N17 0AA")).path("childId");
        assertEquals(false, sister.equals(brother), "contradicted evidence is never joined");

        Map<String, Object> candidate = candidateFor(brother);
        assertEquals("nhs-number-conflict", candidate.get("reason"));
        assertEquals(true, ((List<?>) candidate.get("reasons")).contains("same NHS number"));
        assertEquals(true, ((List<?>) candidate.get("against")).containsAll(List.of("different given names", "different dates of birth")),
                candidate.toString());
        // Her own next record, a slip in it, still joins her.
        assertEquals(sister, raised(HEALTH, withNhs(nhs, c.family(), "Ana", c.dob(), "N17 0AA")).path("childId"));
        // The brother's next record with the same number and his names joins him, not her.
        assertEquals(brother, raised(POLICE, withNhs(nhs, c.family(), "Marcus", c.anotherBirthday(), "N17 0AA")).path("childId"));
    }

    @Test
    void namesakes_born_on_one_day_in_different_towns_are_two_children_and_a_strong_candidate() {
        Child c = Child.random();
        String london = raised(POLICE, byName(c.family(), "Jack", c.dob(), ", \"postcode\": \"N17 0AA\"")).path("childId");
        String leeds = raised(HEALTH, byName(c.family(), "Jack", c.dob(), ", \"postcode\": \"LS6 2AB\"")).path("childId");
        assertEquals(false, london.equals(leeds));
        Map<String, Object> candidate = candidateFor(leeds);
        assertEquals("same-names-and-birth", candidate.get("reason"));
        assertEquals(List.of("different postcode districts"), candidate.get("against"));
        // In the same district, the same names and date of birth are the same child.
        assertEquals(london, raised(HEALTH, byName(c.family(), "Jack", c.dob(), ", \"postcode\": \"N17 9ZZ\"")).path("childId"));
    }

    static String about(String child) {
        return """
                {"child": %s, "category": "neglect", "riskLevel": "low", "description": "Seen alone at night.",
                 "occurredAt": "2026-11-02T15:30:00Z"}""".formatted(child);
    }

    @Test
    void a_concern_without_a_date_of_birth_or_with_an_age_is_accepted_and_matched_with_the_uncertainty_in_the_score() {
        Child c = Child.random();
        String known = raised(POLICE, byName(c.family(), "Precious", c.dob(), ", \"postcode\": \"N17 0AA\"")).path("childId");
        String noBirthday = raised(HEALTH, about("{\"familyName\": \"" + c.family() + "\", \"givenName\": \"Precious\"}"))
                .path("childId");
        Map<String, Object> unknown = candidateFor(noBirthday);
        assertEquals(true, ((List<?>) unknown.get("reasons")).contains("date of birth not known on both"), unknown.toString());
        assertEquals(true, ((Number) unknown.get("score")).doubleValue() < 1.0);

        int age = java.time.Period.between(java.time.LocalDate.parse(c.dob()), java.time.LocalDate.now()).getYears();
        String aged = raised(POLICE, about("{\"familyName\": \"" + c.family() + "\", \"givenName\": \"Precious\", \"ageYears\": "
                + age + "}")).path("childId");
        assertEquals(false, aged.equals(known), "an estimate is never joined on names");
        as(LEAD).get("/children/" + aged + "/record").then().statusCode(200)
                .body("identifications[0].dateOfBirthEstimated", equalTo(true));
        Map<String, Object> estimated = candidateFor(aged);
        assertEquals(true, ((List<?>) estimated.get("reasons")).stream().anyMatch(r -> r.toString().startsWith("of about the same age")),
                estimated.toString());
    }

    @Test
    void a_single_name_or_a_description_alone_is_enough_to_raise_a_concern() {
        Child c = Child.random();
        raised(POLICE, about("{\"givenName\": \"" + c.family() + "\"}"));
        String described = raised(POLICE, about("{\"description\": \"A boy of about 8 at the address\", \"postcode\": \"N17 0AA\"}"))
                .path("childId");
        as(LEAD).get("/children/" + described + "/record").then().statusCode(200)
                .body("identifications[0].description", equalTo("A boy of about 8 at the address"));
        raise(practitioner(POLICE), about("{\"postcode\": \"N17 0AA\"}")).statusCode(400)
                .body("violations[0].field", equalTo("child")).body("violations[0].rule", equalTo("identifier-required"));
        raise(practitioner(POLICE), about("{\"familyName\": \"X\", \"ageYears\": \"eight\", \"dateOfBirthEstimated\": \"maybe\"}"))
                .statusCode(400).body("violations.field", containsInAnyOrder("child.ageYears", "child.dateOfBirthEstimated"));
    }

    @Inject
    org.joinedup.concern.child.BlockingKeysRebuild rebuild;

    @Test
    void after_an_upgrade_of_the_blocking_scheme_every_identification_is_filed_again_once() {
        Child c = Child.random();
        String child = raised(POLICE, byName(c.family(), "Esme", c.dob(), "")).path("childId");
        List<String> before = org.joinedup.platform.store.Jdbc.query(dataSource,
                "select blocking_key from child_blocking_key where child_id = ?::uuid order by 1", rs -> rs.getString(1), child);
        org.joinedup.platform.store.Jdbc.update(dataSource, "delete from child_blocking_key where child_id = ?::uuid", child);
        org.joinedup.platform.store.Jdbc.update(dataSource, "delete from child_blocking_scheme");
        assertEquals(true, rebuild.rebuild() > 0);
        assertEquals(before, org.joinedup.platform.store.Jdbc.query(dataSource,
                "select blocking_key from child_blocking_key where child_id = ?::uuid order by 1", rs -> rs.getString(1), child));
        assertEquals(0, rebuild.rebuild(), "done once per scheme");
    }

    @Test
    void the_queue_pages_by_cursor_and_filters_by_child_reason_agency_and_score() {
        Child c = Child.random();
        String anna = raised(POLICE, byName(c.family(), "Annabel", c.dob(), ", \"postcode\": \"N17 0AA\"")).path("childId");
        raised(HEALTH, byName(c.family() + "e", "Annabel", c.dob(), ""));
        raised(HEALTH, byName(c.family(), "Anabel", c.dob(), ""));
        raised(HEALTH, byName(c.family() + "s", "Annabell", c.dob(), ""));
        var first = as(LEAD).queryParam("childId", anna).queryParam("limit", "2").get("/children/candidates")
                .then().statusCode(200).body("$", hasSize(2)).body("reason", everyItem(equalTo("likely-match")))
                .header("Link", org.hamcrest.Matchers.matchesPattern("<.*after=.*>; rel=\"next\"")).extract();
        String next = first.header("Link").replaceAll("^<(.*)>.*$", "$1");
        var second = io.restassured.RestAssured.given().auth().oauth2(LEAD).urlEncodingEnabled(false).get(next)
                .then().statusCode(200).body("$", hasSize(1)).header("Link", nullValue()).extract();
        List<String> all = new java.util.ArrayList<>(first.path("candidateId"));
        all.addAll(second.path("candidateId"));
        assertEquals(3, new java.util.HashSet<>(all).size(), "every candidate once, across the pages");
        List<Double> scores = as(LEAD).queryParam("childId", anna).get("/children/candidates").then().extract().path("score");
        List<Double> sorted = new java.util.ArrayList<>(scores);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, scores, "strongest first");

        as(LEAD).queryParam("childId", anna).queryParam("reason", "nhs-number-conflict").get("/children/candidates")
                .then().statusCode(200).body("$", hasSize(0));
        as(LEAD).queryParam("childId", anna).queryParam("agency", POLICE).get("/children/candidates")
                .then().statusCode(200).body("$", hasSize(3));
        as(LEAD).queryParam("childId", anna).queryParam("agency", "nobody").get("/children/candidates")
                .then().statusCode(200).body("$", hasSize(0));
        as(LEAD).queryParam("childId", anna).queryParam("minScore", "1").get("/children/candidates")
                .then().statusCode(200).body("score", everyItem(equalTo(1.0f)));
    }

    @Test
    void a_wrong_filter_or_cursor_is_named_with_its_rule() {
        as(LEAD).queryParam("reason", "maybe").queryParam("childId", "x").queryParam("minScore", "2")
                .queryParam("after", "not-a-cursor").get("/children/candidates").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("reason", "childId", "minScore", "after"))
                .body("violations.rule", containsInAnyOrder("one-of", "uuid", "range", "cursor"));
        as(LEAD).queryParam("minScore", "high").get("/children/candidates").then().statusCode(400)
                .body("violations[0].rule", equalTo("number"));
    }

    @Test
    void a_misspelt_name_reaches_the_queue_with_both_records_and_the_reasons() {
        Child c = Child.random();
        String first = raised(POLICE, byName(c.family(), "Victoria", c.dob(), "")).path("childId");
        String second = raised(HEALTH, byName(c.family() + "e", "Viktoria", c.dob(), ", \"postcode\": \"N17 0AA\"")).path("childId");
        assertEquals(false, first.equals(second), "a fuzzy match is never merged");

        Map<String, Object> candidate = candidateFor(second);
        as(LEAD).get("/children/candidates/" + candidate.get("candidateId")).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("reasons", containsInAnyOrder("similar names", "same date of birth"))
                .body("child.childId", equalTo(first.compareTo(second) < 0 ? first : second))
                .body("otherChild.identifications", hasSize(1));
    }

    @Test
    void a_known_alias_reaches_the_queue_and_the_record_keeps_every_identification() {
        Child c = Child.random();
        String first = raised(POLICE, byName(c.family(), "Victoria", c.dob(), "")).path("childId");
        String second = raised(HEALTH, byName("Kouao", "Anna", c.dob(), ", \"postcode\": \"N17 0AA\", "
                + "\"aliases\": [{\"familyName\": \"" + c.family() + "\", \"givenName\": \"Victoria\"}]")).path("childId");
        Map<String, Object> candidate = candidateFor(second);
        assertEquals(List.of("same names; a known alias", "same date of birth"), candidate.get("reasons"));
        assertEquals("likely-match", candidate.get("reason"));

        // The same names and date of birth in the same postcode district: the same child, joined.
        assertEquals(second, raised(HEALTH, byName("Kouao", "Anna", c.dob(), ", \"postcode\": \"N17 6RA\"")).path("childId"));
        as(LEAD).get("/children/" + second + "/record").then().statusCode(200)
                .body("identifications", hasSize(2))
                .body("identifications[0].aliases[0].familyName", equalTo(c.family()))
                .body("identifications[1].postcode", equalTo("N17 6RA"));
        assertEquals(false, first.equals(second));
    }

    @Test
    void a_lead_links_the_pair_then_each_agency_view_and_the_rules_see_one_child_and_unlinking_separates_them() {
        Child c = Child.random();
        var police = raised(POLICE, byName(c.family(), "Anna", c.dob(), ""));
        var health = raised(HEALTH, byName("Anna", c.family(), c.dob(), ""));
        String first = police.path("childId");
        String second = health.path("childId");
        Map<String, Object> candidate = candidateFor(second);
        as(LEAD).queryParam("childId", first).get("/flags").then().body("$", hasSize(0));

        var link = as(LEAD).body(Map.of("childId", first, "linkedChildId", second, "candidateId", candidate.get("candidateId"),
                        "reason", "Same school and GP; names reversed on the health record."))
                .post("/children/links").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/children/links/")).extract();
        String linkId = link.path("linkId");
        assertEquals(List.of("child-records-linked"), TestEvents.types(dataSource, "child-link-" + linkId));
        as(LEAD).get("/children/candidates/" + candidate.get("candidateId")).then()
                .body("status", equalTo("linked")).body("decidedBy", equalTo("lead-7"));

        // The police view of its own child record now includes what it holds about the linked record: nothing of health's.
        as(practitioner(POLICE)).get("/children/" + second + "/concerns").then().statusCode(200)
                .body("concerns.concernId", contains((String) police.path("concernId")));
        as(practitioner(HEALTH)).get("/children/" + first + "/concerns").then()
                .body("concerns.concernId", contains((String) health.path("concernId")));
        // Two agencies' concerns about one child: the link completes the picture.
        as(LEAD).queryParam("childId", first).get("/flags").then().body("rule", hasItem("several-agencies"));
        as(LEAD).get("/children/" + first + "/record").then().body("readAsOneWith", contains(second));

        as(LEAD).body(Map.of("childId", second, "linkedChildId", first, "reason", "again"))
                .post("/children/links").then().statusCode(409).body("type", endsWith("already-linked"));

        as(LEAD).body(Map.of("reason", "Twins: the school confirmed two children.")).post("/children/links/" + linkId + "/unlinking")
                .then().statusCode(200).body("unlinkedBy", equalTo("lead-7")).body("unlinkReason", not(nullValue()));
        assertEquals(List.of("child-records-linked", "child-records-unlinked"), TestEvents.types(dataSource, "child-link-" + linkId));
        // Unlinked, the police have no relationship with the health record any more.
        as(practitioner(POLICE)).get("/children/" + second + "/concerns").then().statusCode(404);
        as(LEAD).body(Map.of("reason", "again")).post("/children/links/" + linkId + "/unlinking")
                .then().statusCode(409).body("type", endsWith("already-unlinked"));
    }

    @Test
    void a_dismissed_candidate_is_decided_once_with_a_reason() {
        Child c = Child.random();
        raised(POLICE, byName(c.family(), "Jack", c.dob(), ""));
        String second = raised(HEALTH, byName(c.family(), "Jake", c.dob(), "")).path("childId");
        Object candidateId = candidateFor(second).get("candidateId");
        as(LEAD).body(Map.of("reason", "Twins: Jack and Jake, two children.")).post("/children/candidates/" + candidateId + "/dismissal")
                .then().statusCode(200).body("dismissedBy", equalTo("lead-7"));
        assertEquals(List.of("child-match-dismissed"), TestEvents.types(dataSource, "child-match-" + candidateId));
        as(LEAD).get("/children/candidates/" + candidateId).then().body("status", equalTo("dismissed"))
                .body("decisionReason", equalTo("Twins: Jack and Jake, two children."));
        as(LEAD).body(Map.of("reason", "again")).post("/children/candidates/" + candidateId + "/dismissal")
                .then().statusCode(409).body("type", endsWith("candidate-decided"));
        as(LEAD).queryParam("status", "dismissed").queryParam("limit", "1000").get("/children/candidates").then()
                .body("candidateId", hasItem(candidateId));
    }

    @Test
    void bad_links_are_refused_naming_the_field_and_the_rule() {
        Child c = Child.random();
        String a = raised(POLICE, byName(c.family(), "Anna", c.dob(), "")).path("childId");
        String b = raised(POLICE, ConcernApi.concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z")).path("childId");
        as(LEAD).body(Map.of("childId", "x", "linkedChildId", b)).post("/children/links").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("childId", "reason"))
                .body("violations.rule", containsInAnyOrder("uuid", "required"));
        as(LEAD).body(Map.of("childId", a, "linkedChildId", UUID.randomUUID().toString(), "reason", "r"))
                .post("/children/links").then().statusCode(422)
                .body("violations[0].field", equalTo("linkedChildId")).body("violations[0].rule", equalTo("unknown-child"));
        as(LEAD).body(Map.of("childId", a, "linkedChildId", a, "reason", "r")).post("/children/links").then().statusCode(422)
                .body("violations[0].rule", equalTo("different-child"));
        as(LEAD).body(Map.of("childId", a, "linkedChildId", b, "candidateId", UUID.randomUUID().toString(), "reason", "r"))
                .post("/children/links").then().statusCode(422).body("violations[0].rule", equalTo("unknown-candidate"));
        as(LEAD).body(Map.of("childId", a, "linkedChildId", b, "reason", "x".repeat(2001))).post("/children/links")
                .then().statusCode(400).body("violations[0].rule", equalTo("max-length"));
        as(LEAD).post("/children/links").then().statusCode(400).body("violations[0].field", equalTo("body"));
        as(LEAD).body(Map.of("reason", "r")).post("/children/links/" + UUID.randomUUID() + "/unlinking").then().statusCode(404);
        as(LEAD).body(Map.of("reason", "")).post("/children/links/" + UUID.randomUUID() + "/unlinking").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(LEAD).body(Map.of("reason", "r")).post("/children/candidates/" + UUID.randomUUID() + "/dismissal").then().statusCode(404);
        as(LEAD).queryParam("status", "maybe").queryParam("limit", "0").get("/children/candidates").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("status", "limit"));
        as(LEAD).get("/children/" + UUID.randomUUID() + "/record").then().statusCode(404);
        // Nothing was half-written: neither record is linked.
        as(LEAD).get("/children/" + a + "/record").then().body("links", hasSize(0));
    }

    @Test
    void aliases_are_checked_like_names() {
        Child c = Child.random();
        raise(practitioner(POLICE), byName(c.family(), "Anna", c.dob(), ", \"aliases\": [{}, {\"familyName\": \""
                + "x".repeat(101) + "\"}]")).statusCode(400)
                .body("violations.field", containsInAnyOrder("child.aliases[0]", "child.aliases[1].familyName"))
                .body("violations.rule", containsInAnyOrder("required", "max-length"));
        raise(practitioner(POLICE), byName(c.family(), "Anna", c.dob(), ", \"aliases\": ["
                + String.join(",", java.util.Collections.nCopies(11, "{\"givenName\": \"A\"}")) + "]")).statusCode(400)
                .body("violations[0].rule", equalTo("max-items"));
    }

    @Test
    void only_safeguarding_leads_review_and_link_child_records() {
        String practitioner = practitioner(POLICE);
        as(practitioner).get("/children/candidates").then().statusCode(403);
        as(practitioner).get("/children/candidates/" + UUID.randomUUID()).then().statusCode(403);
        as(practitioner).body(Map.of("reason", "r")).post("/children/candidates/" + UUID.randomUUID() + "/dismissal")
                .then().statusCode(403);
        as(practitioner).body(Map.of("childId", UUID.randomUUID().toString(), "linkedChildId", UUID.randomUUID().toString(),
                "reason", "r")).post("/children/links").then().statusCode(403);
        as(practitioner).get("/children/links/" + UUID.randomUUID()).then().statusCode(403);
        as(practitioner).body(Map.of("reason", "r")).post("/children/links/" + UUID.randomUUID() + "/unlinking").then().statusCode(403);
        as(practitioner).get("/children/" + UUID.randomUUID() + "/record").then().statusCode(403);
        io.restassured.RestAssured.given().get("/children/candidates").then().statusCode(401);
    }
}
