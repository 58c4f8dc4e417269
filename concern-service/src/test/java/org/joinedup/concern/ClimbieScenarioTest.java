package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The scenario, end to end in concern-service on the real database and broker: four agencies
 * each raise one concern about the same child, two under another spelling of the name and one
 * without an NHS number. The records the index cannot join reach the review queue; the lead links
 * them; the several-agencies rule (set to four agencies here, so only the joined record meets it)
 * fires; each agency sees only its own concern and that a flag exists; every read left a trace.
 */
@QuarkusTest
@TestProfile(ClimbieScenarioTest.FourAgencies.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class ClimbieScenarioTest {

    /** The several-agencies rule at four agencies; the other rules out of the way. */
    public static class FourAgencies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joinedup.bigger-picture.several-agencies.min-agencies", "4",
                    "joinedup.bigger-picture.frequent-concerns.min-concerns", "10");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    DirectoryQueries directory;

    static String concern(String child, String category, String occurredAt) {
        return """
                {"child": %s, "category": "%s", "riskLevel": "medium", "description": "Seen by this agency.",
                 "occurredAt": "%s"}""".formatted(child, category, occurredAt);
    }

    @Test
    void four_agencies_one_child_two_spellings_one_link_one_flag_each_agency_sees_its_own() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String police = "police-" + suffix;
        String hospital = "hospital-" + suffix;
        String school = "school-" + suffix;
        String housing = "housing-" + suffix;
        String csc = "csc-" + suffix;
        String area = "Area-" + suffix;
        Instant t = Instant.now().minusSeconds(60);
        for (String[] a : new String[][]{{police, "police"}, {hospital, "health"}, {school, "education"},
                {housing, "housing"}, {csc, "childrens-social-care"}}) {
            TestEvents.publish(new AgencyRegistered(a[0], a[0], a[1], area, new Contact(a[0] + "@example.org", null),
                    List.of(), "admin", t), "/agency-directory-service");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.agency(csc).isPresent());

        // The same child, as four agencies recorded her. The family name is made up for this run.
        String family = "Qlimbi" + suffix.replaceAll("[^a-z]", "x");
        String nhs = TestNhsNumbers.next();
        String dob = "2016-11-02";
        var policeConcern = raise(practitioner(police), concern("""
                {"nhsNumber": "%s", "familyName": "%s", "givenName": "Victoria", "dateOfBirth": "%s"}"""
                .formatted(nhs, family, dob), "physical-abuse", "2026-10-01T22:00:00Z")).statusCode(201).extract();
        var hospitalConcern = raise(practitioner(hospital), concern("""
                {"nhsNumber": "%s", "familyName": "%s", "givenName": "Viktoria", "dateOfBirth": "%s"}"""
                .formatted(nhs, family, dob), "physical-abuse", "2026-10-12T14:00:00Z")).statusCode(201).extract();
        var housingConcern = raise(practitioner(housing), concern("""
                {"nhsNumber": "%s", "familyName": "%s", "givenName": "Victoria", "dateOfBirth": "%s", "postcode": "N17 0AA"}"""
                .formatted(nhs, family, dob), "neglect", "2026-10-20T10:00:00Z")).statusCode(201).extract();
        var schoolConcern = raise(practitioner(school), concern("""
                {"familyName": "%s", "givenName": "Anna", "dateOfBirth": "%s",
                 "aliases": [{"familyName": "%s", "givenName": "Victoria"}]}"""
                .formatted(family + "e", dob, family + "e"), "missing-from-education", "2026-11-03T09:00:00Z"))
                .statusCode(201).extract();

        String child = policeConcern.path("childId");
        assertEquals(child, hospitalConcern.path("childId"), "the NHS number joins the hospital's spelling");
        assertEquals(child, housingConcern.path("childId"));
        String schoolRecord = schoolConcern.path("childId");
        assertNotEquals(child, schoolRecord, "without an NHS number and with another spelling, nothing is merged");

        String lead = TestTokens.token("dsl-" + suffix, csc, Roles.SAFEGUARDING_LEAD);
        as(lead).queryParam("childId", child).get("/flags").then().body("$", hasSize(0));

        // The pair reaches the queue, with the school's record and both spellings on the other side.
        List<Map<String, Object>> queue = as(lead).queryParam("limit", "1000").get("/children/candidates").then()
                .statusCode(200).extract().path("$");
        Map<String, Object> candidate = queue.stream().filter(c -> List.of(child, schoolRecord).containsAll(List.of(
                ((Map<?, ?>) c.get("child")).get("childId"), ((Map<?, ?>) c.get("otherChild")).get("childId"))))
                .findFirst().orElseThrow(() -> new AssertionError("the pair is not in the queue"));
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) candidate.get("reasons");
        assertThat(reasons, hasItem("same date of birth"));

        as(lead).body(Map.of("childId", child, "linkedChildId", schoolRecord, "candidateId", candidate.get("candidateId"),
                "reason", "Same date of birth and school address; the school knew her as Anna.")).post("/children/links")
                .then().statusCode(201);

        // Four agencies now hold a piece of one child: the rule is met, once.
        as(lead).queryParam("childId", child).get("/flags").then()
                .body("rule", contains("several-agencies"))
                .body("[0].agencies", containsInAnyOrder(police, hospital, housing, school))
                .body("[0].concernIds", containsInAnyOrder((String) policeConcern.path("concernId"),
                        hospitalConcern.path("concernId"), housingConcern.path("concernId"), schoolConcern.path("concernId")));

        // Each agency reads its own concern in full, learns of the three others as headlines (who, what kind,
        // when, whom to call: never the description), and that a flag exists, with whom to contact.
        for (var own : List.of(Map.entry(police, policeConcern), Map.entry(hospital, hospitalConcern),
                Map.entry(housing, housingConcern), Map.entry(school, schoolConcern))) {
            as(practitioner(own.getKey())).get("/children/" + child + "/concerns").then().statusCode(200)
                    .body("basis", equalTo("relationship"))
                    .body("concerns.concernId", contains((String) own.getValue().path("concernId")))
                    .body("involvement", hasSize(3))
                    .body("involvement.agencyId", not(hasItem(own.getKey())))
                    .body("involvement[0]", not(hasKey("description")))
                    .body("involvement.whomToCall.mailbox", everyItem(org.hamcrest.Matchers.endsWith("@example.org")))
                    .body("flags", hasSize(1))
                    .body("flags[0].contact.agencyId", contains(csc))
                    .body("flags[0]", not(hasKey("agencies")));
        }
        // Children's social care of the area the child lives in is her front door: it reads the whole picture.
        as(practitioner(csc)).get("/children/" + child + "/concerns").then().statusCode(200)
                .body("basis", equalTo("front-door")).body("count", equalTo(4)).body("involvement", hasSize(0))
                .body("concerns.description", everyItem(equalTo("Seen by this agency.")));

        // Every read left a trace: the agencies' views, and the lead's queue and flags.
        List<String> traces = TestEvents.accesses(dataSource, child);
        assertThat(traces, hasItems(police + " agency-view practitioner-of-" + police + " -",
                hospital + " agency-view practitioner-of-" + hospital + " -",
                housing + " agency-view practitioner-of-" + housing + " -",
                csc + " match-candidate dsl-" + suffix + " -", csc + " flags dsl-" + suffix + " -"));
        assertThat(TestEvents.accesses(dataSource, schoolRecord), hasItems(
                school + " agency-view practitioner-of-" + school + " -", csc + " match-candidate dsl-" + suffix + " -"));
    }
}
