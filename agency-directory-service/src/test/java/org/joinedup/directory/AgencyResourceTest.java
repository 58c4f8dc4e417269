package org.joinedup.directory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.Topics;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.joinedup.directory.Directory.ADMIN;
import static org.joinedup.directory.Directory.agency;
import static org.joinedup.directory.Directory.as;
import static org.joinedup.directory.Directory.practitioner;
import static org.joinedup.directory.Directory.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
class AgencyResourceTest {

    @Test
    void a_directory_admin_registers_an_agency_and_agency_registered_is_published_keyed_by_its_id() {
        String id = unique("police");
        try (KafkaProbe probe = KafkaProbe.from(Topics.DIRECTORY)) {
            as(ADMIN).body(agency(id, "police")).post("/agencies").then()
                    .statusCode(201)
                    .header("Location", endsWith("/agencies/" + id))
                    .header("ETag", "\"1\"")
                    .body("agencyId", equalTo(id))
                    .body("kind", equalTo("police"))
                    .body("contact.mailbox", equalTo("duty@" + id + ".example.org"))
                    .body("clientIds", contains(id + "-system"))
                    .body("active", equalTo(true));
            ConsumerRecord<String, String> record = probe.await(
                    KafkaProbe.withHeader(CloudEventHeaders.CE_SUBJECT, id), Duration.ofSeconds(30));
            assertEquals(id, record.key());
            assertEquals("agency-registered", KafkaProbe.header(record, CloudEventHeaders.CE_TYPE));
        }
    }

    @Test
    void children_s_social_care_names_the_postcode_districts_and_sectors_where_it_is_the_front_door() {
        String id = unique("csc");
        String body = agency(id, "childrens-social-care").replaceFirst("\\}\\s*$", ", \"frontDoorFor\": [\"n17\", \"N4  1\"]}");
        as(ADMIN).body(body).post("/agencies").then().statusCode(201)
                .body("frontDoorFor", contains("N17", "N4 1"));
        as(ADMIN).get("/agencies/" + id).then().statusCode(200).body("frontDoorFor", contains("N17", "N4 1"));
    }

    @Test
    void only_children_s_social_care_is_a_front_door_and_each_code_is_a_district_or_sector_named_once() {
        String police = unique("police");
        as(ADMIN).body(agency(police, "police").replaceFirst("\\}\\s*$", ", \"frontDoorFor\": [\"N17\"]}"))
                .post("/agencies").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("frontDoorFor")).body("violations[0].rule", equalTo("front-door-kind"));
        String csc = unique("csc");
        as(ADMIN).body(agency(csc, "childrens-social-care").replaceFirst("\\}\\s*$",
                        ", \"frontDoorFor\": [\"N17\", \"Haringey\", \"n17\", \"N17 0AA\", null]}"))
                .post("/agencies").then().statusCode(400)
                .body("violations.field", contains("frontDoorFor[1]", "frontDoorFor[2]", "frontDoorFor[3]", "frontDoorFor[4]"))
                .body("violations.rule", contains("postcode-district-or-sector", "unique", "postcode-district-or-sector",
                        "postcode-district-or-sector"));
        as(ADMIN).get("/agencies/" + csc).then().statusCode(404);
    }

    @Test
    void a_duplicate_agency_id_is_409() {
        String id = unique("school");
        as(ADMIN).body(agency(id, "education")).post("/agencies").then().statusCode(201);
        as(ADMIN).body(agency(id, "education")).post("/agencies").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void bad_agency_details_are_400_naming_each_field_and_rule() {
        as(ADMIN).body("""
                {"agencyId": "Not An Id!", "name": "", "kind": "wizardry", "area": "Haringey",
                 "contact": {"mailbox": "not-an-address"}, "clientIds": ["ok-client", "ok-client"]}""")
                .post("/agencies").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("agencyId", "name", "kind", "contact.mailbox", "clientIds[1]"))
                .body("violations.rule", contains("agency-id-format", "required", "known-agency-kind",
                        "mailbox-format", "unique"));
        as(ADMIN).body("{\"agencyId\": \"" + unique("x") + "\", \"name\": \"X\", \"kind\": \"other\", \"area\": \"Y\"}")
                .post("/agencies").then().statusCode(400)
                .body("violations.field", contains("contact"))
                .body("violations.rule", contains("contact-point-required"));
    }

    @Test
    void only_directory_admins_register_update_or_deactivate() {
        String id = Directory.register("housing");
        as(practitioner("met-police")).body(agency(unique("h"), "housing")).post("/agencies").then().statusCode(403);
        as(Directory.lead("met-police")).body(agency(id, "housing")).put("/agencies/" + id).then().statusCode(403);
        as(Directory.INSPECTOR).body("{\"reason\": \"x\"}").post("/agencies/" + id + "/deactivation").then().statusCode(403);
        given().contentType("application/json").body(agency(unique("h"), "housing")).post("/agencies").then().statusCode(401);
    }

    @Test
    void any_authenticated_caller_reads_and_searches_agencies() {
        String id = Directory.register("general-practice");
        as(practitioner("met-police")).get("/agencies/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Agency " + id));
        as(practitioner("met-police")).queryParam("kind", "general-practice").get("/agencies").then().statusCode(200)
                .body("agencyId", hasItem(id))
                .body("kind", not(hasItem("police")));
        as(Directory.INSPECTOR).queryParam("q", id.substring(0, 10)).queryParam("area", "haringey").get("/agencies")
                .then().statusCode(200).body("agencyId", hasItem(id));
        as(Directory.INSPECTOR).queryParam("kind", "wizardry").get("/agencies").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        as(practitioner("met-police")).get("/agencies/no-such-agency").then().statusCode(404);
    }

    @Test
    void an_update_needs_the_current_etag_and_a_stale_one_is_412() {
        String id = Directory.register("voluntary-sector");
        String renamed = agency(id, "voluntary-sector").replace("Agency " + id, "Safe Steps");
        as(ADMIN).header("If-Match", "\"1\"").body(renamed).put("/agencies/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Safe Steps"));
        as(ADMIN).header("If-Match", "\"1\"").body(renamed).put("/agencies/" + id).then()
                .statusCode(412).contentType("application/problem+json");
        as(ADMIN).body(agency("other-id", "voluntary-sector")).put("/agencies/" + id).then().statusCode(400)
                .body("violations[0].rule", equalTo("immutable"));
        as(ADMIN).body(agency("no-such-agency", "other")).put("/agencies/no-such-agency").then().statusCode(404);
    }

    @Test
    void a_deactivated_agency_stays_readable_but_cannot_change_or_be_deactivated_again() {
        String id = Directory.register("probation");
        as(ADMIN).body("{}").post("/agencies/" + id + "/deactivation").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(ADMIN).body("{\"reason\": \"Service merged into the regional probation service\"}")
                .post("/agencies/" + id + "/deactivation").then().statusCode(200).body("active", equalTo(false));
        as(ADMIN).body("{\"reason\": \"again\"}").post("/agencies/" + id + "/deactivation").then().statusCode(409);
        as(ADMIN).body(agency(id, "probation")).put("/agencies/" + id).then().statusCode(409);
        as(ADMIN).get("/agencies/" + id).then().statusCode(200).body("active", equalTo(false));
        as(ADMIN).queryParam("kind", "probation").get("/agencies").then().body("agencyId", not(hasItem(id)));
        as(ADMIN).queryParam("kind", "probation").queryParam("includeInactive", true).get("/agencies").then()
                .body("agencyId", hasItem(id));
    }
}
