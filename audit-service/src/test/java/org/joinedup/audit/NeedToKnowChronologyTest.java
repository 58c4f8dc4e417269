package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chronology as each reader may see it (docs/access.md), over events as the other services publish them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class NeedToKnowChronologyTest {
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void area() {
        Events.haringey();
    }

    static String lead(String agency) {
        return TestTokens.token("lead-of-" + agency, agency, Roles.SAFEGUARDING_LEAD);
    }

    static ValidatableResponse chronology(String token, UUID child) {
        return given().auth().oauth2(token).get("/children/" + child + "/chronology").then();
    }

    /** A child with a police concern and a health concern, both in the chronology of its front door. */
    record Child(UUID id, ConcernRaised police, ConcernRaised health) {
    }

    static Child child() {
        UUID id = UUID.randomUUID();
        ConcernRaised police = Events.concern(id, "met-police", "domestic-abuse", T);
        ConcernRaised health = Events.concern(id, "whittington-health", "physical-abuse", T.plusSeconds(3600));
        Events.publish(police);
        Events.publish(health);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead(Events.FRONT_DOOR), id)
                .statusCode(200).body("total", equalTo(2)));
        return new Child(id, police, health);
    }

    @Test
    void an_agency_with_no_relationship_gets_404_like_a_child_that_does_not_exist_and_the_refusal_is_recorded() {
        Child c = child();
        String body = chronology(lead("riverside-academy"), c.id()).statusCode(404)
                .contentType("application/problem+json").extract().body().asString();
        String unknown = chronology(lead("riverside-academy"), UUID.randomUUID()).statusCode(404).extract().body().asString();
        assertEquals(unknown.replaceAll("[0-9a-f-]{36}", "ID"), body.replaceAll("[0-9a-f-]{36}", "ID"));
        assertEquals(List.of("riverside-academy chronology lead-of-riverside-academy no-relationship"), refusals(c.id()));
        // The access log shows the refusal to an inspector.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.token("inspector-1", null, Roles.INSPECTOR)).queryParam("childId", c.id().toString())
                .get("/inspection/access-log").then().statusCode(200)
                .body("accesses.findAll { it.outcome == 'refused' }.agencyId", hasItem("riverside-academy"))
                .body("accesses.find { it.outcome == 'refused' }.rule", equalTo("no-relationship")));
    }

    @Test
    void an_agency_sees_its_own_record_in_full_and_another_agency_s_as_a_headline_with_whom_to_call() {
        Child c = child();
        chronology(lead("met-police"), c.id()).statusCode(200)
                .body("basis", equalTo("relationship"))
                .body("entries.find { it.agencyId == 'met-police' }.visibility", equalTo("full"))
                .body("entries.find { it.agencyId == 'met-police' }.data.description", equalTo("Seen with an injury."))
                .body("entries.find { it.agencyId == 'whittington-health' }.visibility", equalTo("headline"))
                .body("entries.find { it.agencyId == 'whittington-health' }.data", nullValue())
                .body("entries.find { it.agencyId == 'whittington-health' }.actorId", nullValue())
                .body("entries.find { it.agencyId == 'whittington-health' }.headline.kind", equalTo("concern"))
                .body("entries.find { it.agencyId == 'whittington-health' }.headline.category", equalTo("physical-abuse"))
                .body("entries.find { it.agencyId == 'whittington-health' }.headline.whomToCall.mailbox",
                        equalTo("duty@whittington-health.example"));
    }

    @Test
    void the_family_s_own_words_in_an_early_help_assessment_stay_with_the_assessing_agency_and_whole_picture_readers() {
        Child c = child();
        UUID assessment = UUID.randomUUID();
        Events.publish(new org.joinedup.events.earlyhelp.EarlyHelpAssessmentRecorded(assessment, c.id(), 1, List.of(
                new org.joinedup.events.earlyhelp.DomainFindings("child-development", List.of("loves reading"), List.of())),
                "I am scared of the shouting", "we are struggling", "hv-1", "met-police", T.plusSeconds(7200)), "met-police");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead(Events.FRONT_DOOR), c.id())
                .statusCode(200).body("total", equalTo(3)));
        String type = "entries.find { it.type == 'early-help-assessment-recorded' }";
        chronology(lead("met-police"), c.id()).statusCode(200)
                .body(type + ".data.childsVoice", equalTo("I am scared of the shouting"))
                .body(type + ".entryHash", notNullValue());
        // The front door sees the assessment in full, but not the words the family shared with the team.
        chronology(lead(Events.FRONT_DOOR), c.id()).statusCode(200)
                .body(type + ".visibility", equalTo("full"))
                .body(type + ".data.domains[0].strengths[0]", equalTo("loves reading"))
                .body(type + ".data.childsVoice", equalTo("withheld: shared within the Team Around the Child only"))
                .body(type + ".data.parentsViews", equalTo("withheld: shared within the Team Around the Child only"))
                .body(type + ".entryHash", nullValue());
        chronology(lead("whittington-health"), c.id()).statusCode(200)
                .body(type + ".visibility", equalTo("headline"))
                .body(type + ".headline.kind", equalTo("early-help-assessment"));
    }

    @Test
    void the_wellbeing_wheel_over_time_comes_with_the_chronology_for_readers_who_see_the_team() {
        Child c = child();
        UUID team = UUID.randomUUID();
        TeamMember hv = new TeamMember(UUID.randomUUID(), "practitioner", null, "Health visitor", "whittington-health", "hv-1");
        Events.publish(new TeamAroundChildFormed(team, c.id(), null, List.of(hv), 6, LocalDate.parse("2026-12-01"), "dsl",
                Events.FRONT_DOOR, T.plusSeconds(7200)), Events.FRONT_DOOR);
        for (String[] r : new String[][] {{"2026-11-10", "some-concern"}, {"2026-11-24", "mostly-met"}}) {
            Events.publish(new org.joinedup.events.team.PlanReviewed(team, c.id(), UUID.randomUUID(), LocalDate.parse(r[0]),
                    List.of(hv.memberId()), List.of("carry on"), LocalDate.parse("2027-01-05"), "hv-1",
                    LocalDate.parse(r[0]).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(50_000),
                    List.of(new org.joinedup.events.team.WellbeingRating("safe", r[1], null))), "whittington-health");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead(Events.FRONT_DOOR), c.id())
                .statusCode(200).body("wellbeing.size()", equalTo(2)));
        // A page of one entry still carries the whole wheel over time.
        given().auth().oauth2(lead(Events.FRONT_DOOR)).get("/children/" + c.id() + "/chronology?limit=1").then()
                .statusCode(200)
                .body("entries.size()", equalTo(1))
                .body("wellbeing.heldOn", org.hamcrest.Matchers.contains("2026-11-10", "2026-11-24"))
                .body("wellbeing[1].ratings[0].score", equalTo(4))
                .body("wellbeing[1].ratings[0].words", org.hamcrest.Matchers.startsWith("Mostly met"));
        chronology(lead("whittington-health"), c.id()).statusCode(200).body("wellbeing.size()", equalTo(2));
        // The police are involved with the child but not in the team: the ratings are the team's record.
        chronology(lead("met-police"), c.id()).statusCode(200).body("wellbeing.size()", equalTo(0));
    }

    @Test
    void what_was_shared_with_an_agency_it_sees_in_full_and_the_share_makes_it_involved() {
        Child c = child();
        Events.publish(new InformationShared(UUID.randomUUID(), c.id(), "met-police", "riverside-academy",
                List.of(c.police().concernId()), null, "safeguarding", "public-task", new Consent("not-sought", "risk"),
                UUID.randomUUID(), false, null, "officer-1", T.plusSeconds(7200)), "met-police");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead("riverside-academy"), c.id())
                .statusCode(200)
                .body("entries.find { it.type == 'concern-raised' && it.agencyId == 'met-police' }.visibility", equalTo("full"))
                .body("entries.find { it.type == 'information-shared' }.visibility", equalTo("full"))
                .body("entries.find { it.agencyId == 'whittington-health' }.visibility", equalTo("headline")));
    }

    @Test
    void the_front_door_sees_the_whole_picture() {
        Child c = child();
        chronology(lead(Events.FRONT_DOOR), c.id()).statusCode(200).body("basis", equalTo("front-door"))
                .body("entries.visibility", not(hasItem("headline")))
                .body("entries.find { it.agencyId == 'whittington-health' }.data.description", notNullValue());
    }

    @Test
    void break_glass_opens_the_whole_picture_to_that_lead_alone_until_it_expires() {
        Child c = child();
        Instant now = Instant.now();
        Events.publish(new EmergencyAccessGranted(UUID.randomUUID(), c.id(), "safe-steps", "lead-of-safe-steps",
                "Child disclosed a threat to her life tonight; the front door cannot be reached", now,
                now.plusSeconds(3600), List.of("met-police", "whittington-health")), "safe-steps");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead("safe-steps"), c.id()).statusCode(200)
                .body("basis", equalTo("emergency-access"))
                .body("emergencyAccessUntil", notNullValue())
                .body("entries.visibility", not(hasItem("headline"))));
        // The grant itself is in the chronology, in full for every agency involved.
        chronology(lead("met-police"), c.id()).statusCode(200)
                .body("entries.find { it.type == 'emergency-access-granted' }.visibility", equalTo("full"))
                .body("entries.find { it.type == 'emergency-access-granted' }.data.justification",
                        equalTo("Child disclosed a threat to her life tonight; the front door cannot be reached"));
        // Another lead of the same agency gets nothing from it.
        chronology(TestTokens.token("another-lead", "safe-steps", Roles.SAFEGUARDING_LEAD), c.id()).statusCode(404);

        Child d = child();
        Events.publish(new EmergencyAccessGranted(UUID.randomUUID(), d.id(), "safe-steps", "lead-of-safe-steps",
                "Expired before it was used: written as a test of expiry", now.minusSeconds(7200), now.minusSeconds(1),
                List.of()), "safe-steps");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead(Events.FRONT_DOOR), d.id())
                .body("entries.type", hasItem("emergency-access-granted")));
        chronology(lead("safe-steps"), d.id()).statusCode(404);
    }

    @Test
    void a_team_member_is_involved_while_it_is_in_the_team() {
        Child c = child();
        UUID team = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Events.publish(new TeamAroundChildFormed(team, c.id(), null, List.of(
                new TeamMember(member, "practitioner", null, "Housing officer", "homes-for-haringey", "housing-1"),
                new TeamMember(UUID.randomUUID(), "parent-or-carer", "Ms M", "Mother", null, null)),
                6, LocalDate.of(2026, 12, 31), "lead-of-haringey-csc", "haringey-csc", T.plusSeconds(9000)), "haringey-csc");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead("homes-for-haringey"), c.id())
                .statusCode(200)
                .body("entries.find { it.type == 'team-around-child-formed' }.visibility", equalTo("full"))
                .body("entries.find { it.agencyId == 'met-police' }.visibility", equalTo("headline")));
        Events.publish(new MemberLeft(team, c.id(), member, "case closed for housing", "lead-of-haringey-csc",
                T.plusSeconds(10000)), "haringey-csc");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead("homes-for-haringey"), c.id())
                .statusCode(404));
    }

    @Test
    void a_relationship_with_a_linked_record_is_a_relationship_with_the_child() {
        Child c = child();
        UUID other = UUID.randomUUID();
        Events.publish(Events.concern(other, "northside-primary", "neglect", T));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead("northside-primary"), other).statusCode(200));
        chronology(lead("northside-primary"), c.id()).statusCode(404);
        Events.publish(new ChildRecordsLinked(UUID.randomUUID(), c.id(), other, null, "same NHS number", "lead-1",
                T.plusSeconds(20000)), "haringey-csc");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> chronology(lead("northside-primary"), c.id())
                .statusCode(200)
                .body("entries.find { it.agencyId == 'northside-primary' }.visibility", equalTo("full"))
                .body("entries.find { it.agencyId == 'met-police' }.visibility", equalTo("headline")));
    }

    @Test
    void an_inspector_replays_everything_in_full() {
        Child c = child();
        given().auth().oauth2(TestTokens.token("inspector-1", null, Roles.INSPECTOR))
                .get("/inspection/children/" + c.id() + "/chronology").then().statusCode(200)
                .body("total", equalTo(2)).body("entries.visibility", not(hasItem("headline")));
    }

    List<String> refusals(UUID child) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                select payload->>'agencyId', payload->>'what', payload->>'actorId', payload->>'rule' from event_store
                where event_type = 'record-access-refused' and subject = ? order by global_position""")) {
            ps.setString(1, child.toString());
            List<String> found = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
