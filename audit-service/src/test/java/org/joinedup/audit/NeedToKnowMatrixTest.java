package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.AccessMatrix;
import org.joinedup.testing.AccessMatrix.Probe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.joinedup.testing.AccessMatrix.Answer.ABSENT;
import static org.joinedup.testing.AccessMatrix.Answer.FORBIDDEN;
import static org.joinedup.testing.AccessMatrix.Answer.FULL;
import static org.joinedup.testing.AccessMatrix.Answer.HEADLINE;
import static org.joinedup.testing.AccessMatrix.Answer.NOT_FOUND;
import static org.joinedup.testing.AccessMatrix.Answer.OK;

/**
 * audit-service's need-to-know matrix: every GET operation of its OpenAPI document, for each kind of
 * caller (docs/access.md). The probe is the police's concern about one child.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class NeedToKnowMatrixTest {
    static final Map<String, String> CALLERS = new LinkedHashMap<>();
    static final String GLASS_LEAD = "lead-of-safe-steps";

    static {
        CALLERS.put("none", lead("northside-primary"));
        CALLERS.put("own", lead("met-police"));
        CALLERS.put("shared", lead("riverside-academy"));
        CALLERS.put("team-member", lead("homes-for-haringey"));
        CALLERS.put("front-door", lead(Events.FRONT_DOOR));
        CALLERS.put("break-glass", TestTokens.token(GLASS_LEAD, "safe-steps", Roles.SAFEGUARDING_LEAD));
        CALLERS.put("inspector", TestTokens.token("inspector-1", null, Roles.INSPECTOR));
        CALLERS.put("practitioner", TestTokens.token("pc-1", "met-police", Roles.PRACTITIONER));
    }

    static String lead(String agency) {
        return TestTokens.token("lead-of-" + agency, agency, Roles.SAFEGUARDING_LEAD);
    }

    /** One child: a police concern (the probe) shared with a school, a team with housing in it, and a break-glass. */
    record Scenario(UUID child, UUID probeEvent) {
    }

    static Scenario scenario;

    static synchronized Scenario scenario() {
        if (scenario != null) {
            return scenario;
        }
        Events.haringey();
        UUID child = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        ConcernRaised police = Events.concern(child, "met-police", "domestic-abuse", t);
        EventEnvelope probe = Events.publish(police);
        Events.publish(Events.concern(child, "whittington-health", "physical-abuse", t.plusSeconds(60)));
        Events.publish(new InformationShared(UUID.randomUUID(), child, "met-police", "riverside-academy",
                List.of(police.concernId()), null, "safeguarding", "public-task", new Consent("not-sought", "risk"),
                UUID.randomUUID(), false, null, "pc-1", t.plusSeconds(120)), "met-police");
        Events.publish(new TeamAroundChildFormed(UUID.randomUUID(), child, null, List.of(new TeamMember(UUID.randomUUID(),
                "practitioner", null, "Housing officer", "homes-for-haringey", "housing-1")), 6, LocalDate.of(2026, 12, 31),
                "lead-of-haringey-csc", "haringey-csc", t.plusSeconds(180)), "haringey-csc");
        Instant now = Instant.now();
        Events.publish(new EmergencyAccessGranted(UUID.randomUUID(), child, "safe-steps", GLASS_LEAD,
                "A disclosure tonight; the front door cannot be reached", now, now.plusSeconds(3600),
                List.of("met-police", "whittington-health")), "safe-steps");
        for (String caller : List.of("front-door", "shared", "team-member", "break-glass")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CALLERS.get(caller))
                    .get("/children/" + child + "/chronology").then().statusCode(200)
                    .body("entries.eventId", org.hamcrest.Matchers.hasItem(probe.id().toString())));
        }
        scenario = new Scenario(child, probe.id());
        return scenario;
    }

    static Map<String, AccessMatrix.Answer> rows(AccessMatrix.Answer none, AccessMatrix.Answer own, AccessMatrix.Answer shared,
                                                 AccessMatrix.Answer team, AccessMatrix.Answer frontDoor,
                                                 AccessMatrix.Answer glass, AccessMatrix.Answer inspector,
                                                 AccessMatrix.Answer practitioner) {
        Map<String, AccessMatrix.Answer> m = new LinkedHashMap<>();
        m.put("none", none);
        m.put("own", own);
        m.put("shared", shared);
        m.put("team-member", team);
        m.put("front-door", frontDoor);
        m.put("break-glass", glass);
        m.put("inspector", inspector);
        m.put("practitioner", practitioner);
        return m;
    }

    static AccessMatrix matrix() {
        var inspectorOnly = rows(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN);
        return new AccessMatrix(CALLERS)
                .operation("/children/{childId}/chronology", () -> entry("/children/" + scenario().child() + "/chronology"),
                        rows(NOT_FOUND, FULL, FULL, HEADLINE, FULL, FULL, FORBIDDEN, FORBIDDEN))
                .operation("/inspection/children/{childId}/chronology",
                        () -> entry("/inspection/children/" + scenario().child() + "/chronology"),
                        rows(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FULL, FORBIDDEN))
                .operation("/inspection/children/{childId}/export",
                        () -> new Probe("/inspection/children/" + scenario().child() + "/export", null, null), inspectorOnly)
                // A lead reads its own agency's reads only: the probe child's reads by others are not there.
                .operation("/inspection/access-log", () -> new Probe("/inspection/access-log?childId=" + scenario().child(),
                                "accesses.findAll { it.agencyId == 'haringey-csc' }", null),
                        rows(ABSENT, ABSENT, ABSENT, ABSENT, FULL, ABSENT, FULL, FORBIDDEN))
                .operation("/inspection/checkpoints", () -> new Probe("/inspection/checkpoints", null, null), inspectorOnly)
                .operation("/inspection/ledger", () -> new Probe("/inspection/ledger?fromSeq=1&toSeq=2", null, null), inspectorOnly)
                .operation("/inspection/unknown-events", () -> new Probe("/inspection/unknown-events", null, null), inspectorOnly)
                // Aggregates, no child's record: every lead of the area (all of these are Haringey's) and inspectors.
                .operation("/measures", () -> new Probe("/measures?area=Haringey&from=2026-11-01&to=2026-11-30", null, null),
                        rows(OK, OK, OK, OK, OK, OK, OK, FORBIDDEN))
                .operation("/measures/export.csv", () -> new Probe("/measures/export.csv?area=Haringey&from=2026-11-01&to=2026-11-30",
                        null, null), rows(OK, OK, OK, OK, OK, OK, OK, FORBIDDEN))
                .operation("/inspection/verification", () -> new Probe("/inspection/verification?fromSeq=1&toSeq=2", null, null),
                        inspectorOnly);
    }

    static Probe entry(String path) {
        String id = scenario().probeEvent().toString();
        return new Probe(path, "entries.find { it.eventId == '" + id + "' && it.visibility == 'full' }.data",
                "entries.find { it.eventId == '" + id + "' && it.visibility == 'headline' }.headline");
    }

    @Test
    void every_get_operation_of_the_openapi_document_has_its_rows() {
        matrix().coversTheServedDocument();
    }

    @TestFactory
    Stream<DynamicTest> each_caller_gets_what_the_policy_says() {
        scenario();
        // The front door reads the probe child's chronology first, so its agency's reads are in the access log.
        given().auth().oauth2(CALLERS.get("front-door")).get("/children/" + scenario().child() + "/chronology").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CALLERS.get("inspector"))
                .queryParam("childId", scenario().child().toString()).get("/inspection/access-log").then()
                .body("accesses.agencyId", org.hamcrest.Matchers.hasItem("haringey-csc")));
        return matrix().tests();
    }
}
