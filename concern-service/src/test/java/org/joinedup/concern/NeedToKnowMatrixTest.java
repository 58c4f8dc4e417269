package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.AccessMatrix;
import org.joinedup.testing.AccessMatrix.Answer;
import org.joinedup.testing.AccessMatrix.Probe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.testing.AccessMatrix.Answer.ABSENT;
import static org.joinedup.testing.AccessMatrix.Answer.FORBIDDEN;
import static org.joinedup.testing.AccessMatrix.Answer.FULL;
import static org.joinedup.testing.AccessMatrix.Answer.HEADLINE;
import static org.joinedup.testing.AccessMatrix.Answer.NOT_FOUND;
import static org.joinedup.testing.AccessMatrix.Answer.OK;

/**
 * concern-service's need-to-know matrix: every GET operation of its OpenAPI document, for each kind of
 * caller in each role (docs/access.md). The probe is a police concern about one child, which the police
 * shared with a school; housing is in the child's team; a voluntary service's lead broke the glass.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class NeedToKnowMatrixTest {
    static final List<String> RELATIONSHIPS = List.of("none", "own", "shared", "team-member", "front-door", "break-glass");
    static final Map<String, String> AGENCY = Map.of("none", "northside-primary", "own", ConcernApi.POLICE,
            "shared", "riverside-academy", "team-member", "homes-for-haringey", "front-door", TestArea.FRONT_DOOR,
            "break-glass", "safe-steps");
    static final Map<String, String> CALLERS = AccessMatrix.callersByRole(RELATIONSHIPS, AGENCY);

    @Inject
    DirectoryQueries directory;

    record Scenario(String child, String concern, String share, String candidate, String link, String flag, String family,
                    String dob) {
    }

    static Scenario scenario;

    Scenario scenario() {
        if (scenario == null) {
            scenario = build();
        }
        return scenario;
    }

    Scenario build() {
        TestArea.haringey(directory);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder family = new StringBuilder("Q");
        for (int i = 0; i < 8; i++) {
            family.append((char) ('a' + r.nextInt(26)));
        }
        String dob = "2017-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10);
        var probe = as(CALLERS.get("own/practitioner")).body("""
                {"child": {"familyName": "%s", "givenName": "Victoria", "dateOfBirth": "%s"}, "category": "domestic-abuse",
                 "riskLevel": "immediate", "description": "Officers attended a domestic incident; the child was present.",
                 "childsVoice": "Daddy shouts.", "occurredAt": "2026-11-08T23:05:00Z"}""".formatted(family, dob))
                .post("/concerns").then().statusCode(201).extract();
        String child = probe.path("childId");
        String concern = probe.path("concernId");
        // Health knows her under another spelling: a candidate pair for the review queue.
        as(ConcernApi.practitioner(ConcernApi.HEALTH)).body("""
                {"child": {"familyName": "%se", "givenName": "Viktoria", "dateOfBirth": "%s"}, "category": "neglect",
                 "riskLevel": "low", "description": "Missed appointments.", "occurredAt": "2026-10-01T10:00:00Z"}"""
                .formatted(family, dob)).post("/concerns").then().statusCode(201);
        String share = as(CALLERS.get("own/lead")).body("""
                {"toAgency": "riverside-academy", "concernIds": ["%s"], "purpose": "safeguarding", "lawfulBasis": "public-task",
                 "consent": {"status": "not-sought", "reason": "seeking consent could place the child at risk"},
                 "override": {"justification": "The school must know tonight: she is due in class tomorrow."}}"""
                .formatted(concern)).post("/shares").then().statusCode(201).extract().path("shareId");
        Instant at = Instant.now();
        TestEvents.publish(new TeamAroundChildFormed(UUID.randomUUID(), UUID.fromString(child), null, List.of(
                new TeamMember(UUID.randomUUID(), "practitioner", null, "Housing officer", "homes-for-haringey", "housing-1")),
                6, LocalDate.now().plusWeeks(6), "lead-of-haringey-csc", TestArea.FRONT_DOOR, at), "/referral-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(CALLERS.get("team-member/practitioner"))
                .get("/children/" + child + "/concerns").then().statusCode(200));
        as(CALLERS.get("break-glass/lead")).body(Map.of("justification",
                "She told a volunteer tonight she is afraid to go home; we need the whole picture now."))
                .post("/children/" + child + "/emergency-access").then().statusCode(201);
        // Another police record of hers, linked by the front door.
        String other = as(CALLERS.get("own/practitioner")).body(ConcernApi.concern(TestNhsNumbers.next(), "neglect",
                "2026-09-01T10:00:00Z")).post("/concerns").then().statusCode(201).extract().path("childId");
        String link = as(CALLERS.get("front-door/lead")).body(Map.of("childId", child, "linkedChildId", other,
                "reason", "The same child: police records under two identities.")).post("/children/links").then()
                .statusCode(201).extract().path("linkId");
        List<Map<String, Object>> open = as(CALLERS.get("front-door/lead")).queryParam("limit", "1000")
                .get("/children/candidates").then().statusCode(200).extract().path("$");
        String candidate = open.stream().filter(c -> child.equals(((Map<?, ?>) c.get("child")).get("childId"))
                || child.equals(((Map<?, ?>) c.get("otherChild")).get("childId"))).findFirst()
                .map(c -> (String) c.get("candidateId")).orElseThrow(() -> new AssertionError("no candidate for the probe child"));
        String flag = as(CALLERS.get("front-door/lead")).queryParam("childId", child).get("/flags").then().statusCode(200)
                .extract().path("find { it.rule == 'highest-risk' }.flagId");
        return new Scenario(child, concern, share, candidate, link, flag, family.toString(), dob);
    }

    /** The answers of one role for each relationship, and 403 for the other role and the inspector. */
    static Map<String, Answer> practitioners(Answer none, Answer own, Answer shared, Answer team, Answer frontDoor, Answer glass) {
        return rows(List.of(none, own, shared, team, frontDoor, glass), null);
    }

    static Map<String, Answer> leads(Answer none, Answer own, Answer shared, Answer team, Answer frontDoor, Answer glass) {
        return rows(null, List.of(none, own, shared, team, frontDoor, glass));
    }

    /** An inspector finds a child by NHS number only: by names (as the probe asks), 400 naming nhsNumber. */
    static Map<String, Answer> inspectorRefused(Map<String, Answer> rows) {
        Map<String, Answer> m = new java.util.LinkedHashMap<>(rows);
        m.put("inspector", Answer.INVALID);
        return m;
    }

    static Map<String, Answer> rows(List<Answer> practitioner, List<Answer> lead) {
        return AccessMatrix.byRole(RELATIONSHIPS, practitioner, lead);
    }

    AccessMatrix matrix() {
        // break-glass is a lead's alone: the voluntary service's practitioner has no relationship with the child.
        return new AccessMatrix(CALLERS)
                .operation("/concerns/{concernId}", () -> new Probe("/concerns/" + scenario().concern(), "description", "headline"),
                        practitioners(NOT_FOUND, FULL, FULL, HEADLINE, FULL, NOT_FOUND))
                .operation("/children/{childId}/concerns", () -> new Probe("/children/" + scenario().child() + "/concerns",
                                "concerns.find { it.concernId == '" + scenario().concern() + "' }.description",
                                "involvement.find { it.recordId == '" + scenario().concern() + "' }"),
                        practitioners(NOT_FOUND, FULL, FULL, HEADLINE, FULL, NOT_FOUND))
                // Finding a child: a record the agency has no relationship with is not mentioned.
                .operation("/children", () -> new Probe("/children?familyName=" + scenario().family() + "&givenName=Victoria"
                                + "&dateOfBirth=" + scenario().dob(), "find { it.childId == '" + scenario().child() + "' }", null),
                        inspectorRefused(rows(List.of(ABSENT, FULL, FULL, FULL, FULL, ABSENT),
                                List.of(ABSENT, FULL, FULL, FULL, FULL, FULL))))
                // A practitioner's own agency's concerns: only the agency that raised it lists it.
                .operation("/concerns", () -> new Probe("/concerns?raisedBy=agency&childId=" + scenario().child(),
                                "concerns.find { it.concernId == '" + scenario().concern() + "' }.description", null),
                        practitioners(ABSENT, FULL, ABSENT, ABSENT, ABSENT, ABSENT))
                .operation("/children/candidates", () -> new Probe("/children/candidates?limit=1000",
                                "find { it.candidateId == '" + scenario().candidate() + "' }", null),
                        leads(ABSENT, FULL, FULL, FULL, FULL, FULL))
                .operation("/children/candidates/{candidateId}", () -> new Probe("/children/candidates/" + scenario().candidate(),
                                "candidateId", null),
                        leads(NOT_FOUND, FULL, FULL, FULL, FULL, FULL))
                .operation("/children/links/{linkId}", () -> new Probe("/children/links/" + scenario().link(), "linkId", null),
                        leads(NOT_FOUND, FULL, FULL, FULL, FULL, FULL))
                // The identification the police gave: theirs, sent to the school with the concern; not housing's to read.
                .operation("/children/{childId}/record", () -> new Probe("/children/" + scenario().child() + "/record",
                                "identifications.find { it.familyName == '" + scenario().family() + "' }", null),
                        leads(NOT_FOUND, FULL, FULL, ABSENT, FULL, FULL))
                .operation("/flags", () -> new Probe("/flags?childId=" + scenario().child(),
                                "find { it.flagId == '" + scenario().flag() + "' && it.visibility == 'full' }",
                                "find { it.flagId == '" + scenario().flag() + "' && it.visibility == 'headline' }"),
                        leads(ABSENT, FULL, HEADLINE, HEADLINE, FULL, FULL))
                .operation("/flags/{flagId}", () -> new Probe("/flags/" + scenario().flag(), "summary",
                                "visibility == 'headline'"),
                        leads(NOT_FOUND, FULL, HEADLINE, HEADLINE, FULL, FULL))
                .operation("/shares/{shareId}", () -> new Probe("/shares/" + scenario().share(), "share.shareId", "headline"),
                        rows(List.of(NOT_FOUND, FULL, FULL, HEADLINE, FULL, NOT_FOUND),
                                List.of(NOT_FOUND, FULL, FULL, HEADLINE, FULL, FULL)))
                // Each agency's own inbox: nothing of another agency's to weigh.
                .operation("/inbox", () -> new Probe("/inbox", null, null),
                        rows(List.of(OK, OK, OK, OK, OK, OK), List.of(OK, OK, OK, OK, OK, OK)));
    }

    @Test
    void every_get_operation_of_the_openapi_document_has_its_rows() {
        matrix().coversTheServedDocument();
    }

    @TestFactory
    Stream<DynamicTest> each_caller_gets_what_the_policy_says() {
        scenario();
        return matrix().tests();
    }
}
