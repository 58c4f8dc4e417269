package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.events.EventEnvelope;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay as of a moment, the access log, the ledger stream and a child's export, checked independently. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class InspectionTest {
    @org.junit.jupiter.api.BeforeAll
    static void area() {
        Events.haringey();
    }

    static final String INSPECTOR = TestTokens.token("inspector-2", "ofsted", Roles.INSPECTOR);
    static final String LEAD = TestTokens.token("lead-9", "haringey-csc", Roles.SAFEGUARDING_LEAD);

    @Inject
    DataSource dataSource;

    /** Two concerns about a new child, recorded by concern-service on 1 and 3 November. */
    UUID childWithTwoConcerns(List<EventEnvelope> published) {
        UUID child = UUID.randomUUID();
        published.add(Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-01T10:00:00Z"))));
        published.add(Events.publish(Events.concern(child, "whittington-health", "physical-abuse", Instant.parse("2026-11-03T10:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(INSPECTOR)
                .get("/inspection/children/" + child + "/chronology").then().statusCode(200).body("total", equalTo(2)));
        return child;
    }

    @Test
    void a_chronology_replayed_as_of_a_moment_between_two_events_shows_only_the_first() {
        List<EventEnvelope> published = new java.util.ArrayList<>();
        UUID child = childWithTwoConcerns(published);
        given().auth().oauth2(INSPECTOR).queryParam("asOf", "2026-11-02T00:00:00Z")
                .get("/inspection/children/" + child + "/chronology").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entries.eventId", contains(published.get(0).id().toString()))
                .body("entries[0].entryHash.length()", equalTo(64));
        given().auth().oauth2(INSPECTOR).queryParam("asOf", "2026-11-01T10:59:59Z")
                .get("/inspection/children/" + child + "/chronology").then().body("total", equalTo(0));
    }

    @Test
    void the_access_log_says_who_had_looked_at_a_moment_by_child_and_by_user() {
        UUID child = childWithTwoConcerns(new java.util.ArrayList<>());
        given().auth().oauth2(LEAD).header("Access-Purpose", "Strategy discussion").get("/children/" + child + "/chronology")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(INSPECTOR)
                .queryParam("childId", child.toString()).get("/inspection/access-log").then().statusCode(200)
                .body("accesses.actorId", org.hamcrest.Matchers.hasItem("lead-9")));
        given().auth().oauth2(INSPECTOR).queryParam("childId", child.toString()).get("/inspection/access-log").then()
                .body("accesses.find { it.actorId == 'lead-9' }.purpose", equalTo("Strategy discussion"))
                .body("accesses.find { it.actorId == 'lead-9' }.what", equalTo("chronology"))
                .body("accesses.find { it.actorId == 'lead-9' }.agencyId", equalTo("haringey-csc"));
        given().auth().oauth2(LEAD).queryParam("userId", "lead-9").get("/inspection/access-log").then().statusCode(200)
                .body("accesses.childId", org.hamcrest.Matchers.hasItem(child.toString()));
        // Before anyone looked, nobody had.
        given().auth().oauth2(INSPECTOR).queryParam("childId", child.toString()).queryParam("asOf", "2026-11-05T00:00:00Z")
                .get("/inspection/access-log").then().body("total", equalTo(0));
        // Narrowed to one agency, or to one basis: the lead's read was the front door's.
        given().auth().oauth2(INSPECTOR).queryParam("childId", child.toString()).queryParam("agencyId", "haringey-csc")
                .get("/inspection/access-log").then().statusCode(200)
                .body("accesses.agencyId", org.hamcrest.Matchers.everyItem(equalTo("haringey-csc")))
                .body("accesses.actorId", org.hamcrest.Matchers.hasItem("lead-9"));
        given().auth().oauth2(INSPECTOR).queryParam("childId", child.toString()).queryParam("agencyId", "met-police")
                .get("/inspection/access-log").then().body("accesses.actorId", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("lead-9")));
        given().auth().oauth2(INSPECTOR).queryParam("childId", child.toString()).queryParam("basis", "front-door")
                .get("/inspection/access-log").then().body("accesses.basis", org.hamcrest.Matchers.everyItem(equalTo("front-door")))
                .body("accesses.actorId", org.hamcrest.Matchers.hasItem("lead-9"));
        given().auth().oauth2(INSPECTOR).queryParam("childId", child.toString()).queryParam("basis", "refused")
                .get("/inspection/access-log").then().body("accesses.outcome", org.hamcrest.Matchers.everyItem(equalTo("refused")));
        given().auth().oauth2(INSPECTOR).queryParam("basis", "gossip").queryParam("agencyId", " ")
                .get("/inspection/access-log").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("basis", "agencyId"));
    }

    @Test
    void a_childs_export_is_verified_by_the_independent_script_and_a_changed_line_is_caught() throws Exception {
        UUID child = childWithTwoConcerns(new java.util.ArrayList<>());
        String export = given().auth().oauth2(INSPECTOR).get("/inspection/children/" + child + "/export").then()
                .statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"child-" + child + ".ndjson\"")
                .extract().asString();
        List<String> lines = export.lines().toList();
        assertTrue(lines.get(0).contains("joined-up-child-export/1"), lines.get(0));
        // The two concerns, and the reads of the record so far (they are part of the child's trail too).
        assertEquals(2, lines.stream().filter(l -> l.contains("\"type\":\"concern-raised\"")).count(), export);
        Path file = Files.createTempFile("export", ".ndjson");
        Files.writeString(file, export);
        assertEquals("intact: " + (lines.size() - 1) + " entries", check(file).substring(0, check(file).indexOf(',')));

        Files.writeString(file, export.replace("whittington-health", "someone-else"));
        assertTrue(check(file).startsWith("BROKEN at line "), check(file));
        List<String> withoutFirst = new java.util.ArrayList<>(lines);
        withoutFirst.remove(1);
        Files.writeString(file, String.join("\n", withoutFirst) + "\n");
        assertTrue(check(file).startsWith("BROKEN at line 2"), check(file));
    }

    @Test
    void a_ledger_range_streams_as_ndjson_that_the_same_script_checks() throws Exception {
        UUID child = childWithTwoConcerns(new java.util.ArrayList<>());
        List<Long> seqs = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select seq from ledger_entry where child_id = ? order by seq")) {
            ps.setObject(1, child);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        String range = given().auth().oauth2(INSPECTOR).queryParam("fromSeq", seqs.get(0)).queryParam("toSeq", seqs.get(1))
                .get("/inspection/ledger").then().statusCode(200).extract().asString();
        assertEquals(seqs.get(1) - seqs.get(0) + 1, range.lines().count());
        Path file = Files.createTempFile("range", ".ndjson");
        Files.writeString(file, range);
        assertTrue(check(file).startsWith("intact"), check(file));
    }

    @Test
    void bad_moments_and_roles_are_refused() {
        UUID child = UUID.randomUUID();
        given().auth().oauth2(INSPECTOR).queryParam("asOf", Instant.now().plusSeconds(3600).toString())
                .get("/inspection/children/" + child + "/chronology").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf")).body("violations[0].rule", equalTo("not-in-future"));
        given().auth().oauth2(INSPECTOR).queryParam("asOf", "yesterday")
                .get("/inspection/children/" + child + "/chronology").then().statusCode(400)
                .body("violations[0].rule", equalTo("instant"));
        given().auth().oauth2(INSPECTOR).queryParam("fromSeq", "5").queryParam("toSeq", "2").get("/inspection/ledger")
                .then().statusCode(400).body("violations[0].field", equalTo("toSeq"));
        given().auth().oauth2(INSPECTOR).get("/inspection/children/" + child + "/export").then().statusCode(404);
        given().auth().oauth2(INSPECTOR).queryParam("childId", "x").get("/inspection/access-log").then().statusCode(400);
        for (String path : List.of("/inspection/children/" + child + "/chronology", "/inspection/ledger",
                "/inspection/children/" + child + "/export")) {
            given().auth().oauth2(LEAD).get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.token("p", "met-police", Roles.PRACTITIONER)).get(path).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token("p", "met-police", Roles.PRACTITIONER)).get("/inspection/access-log")
                .then().statusCode(403);
    }

    /** Runs the inspector's script on a file and answers what it printed. */
    static String check(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", Path.of("..", "tools", "verify-export.py").toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }
}
