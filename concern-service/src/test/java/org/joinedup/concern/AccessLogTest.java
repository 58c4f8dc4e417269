package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.access.RecordAccessed;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.KafkaProbe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestEvents;
import org.joinedup.testing.TestNhsNumbers;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every read of a child's data emits record-accessed on access.events: who, which agency, what, why, when. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class AccessLogTest {
    @jakarta.inject.Inject
    org.joinedup.directory.view.DirectoryQueries testDirectory;

    @org.junit.jupiter.api.BeforeEach
    void testArea() {
        TestArea.haringey(testDirectory);
    }

    static final String LEAD = TestTokens.token("lead-3", "haringey-csc", Roles.SAFEGUARDING_LEAD);

    @Inject
    DataSource dataSource;

    @Test
    void reading_a_concern_and_the_agency_view_each_leave_a_trace_with_the_stated_purpose() {
        var raised = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z"))
                .statusCode(201).extract();
        String child = raised.path("childId");
        assertEquals(List.of(), TestEvents.accesses(dataSource, child), "raising is not reading");

        as(practitioner(POLICE)).get("/concerns/" + raised.path("concernId")).then().statusCode(200);
        as(practitioner(POLICE)).header("Access-Purpose", "Strategy discussion").get("/children/" + child + "/concerns")
                .then().statusCode(200);
        assertEquals(List.of("met-police concern practitioner-of-met-police -",
                        "met-police agency-view practitioner-of-met-police Strategy discussion"),
                TestEvents.accesses(dataSource, child));
    }

    @Test
    void a_read_that_returns_nothing_of_the_child_leaves_no_trace() {
        var raised = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z"))
                .statusCode(201).extract();
        String child = raised.path("childId");
        as(practitioner(HEALTH)).get("/concerns/" + raised.path("concernId")).then().statusCode(404);
        as(practitioner(HEALTH)).get("/children/" + child + "/concerns").then().statusCode(404);
        assertEquals(List.of(), TestEvents.accesses(dataSource, child));
        // What was refused is recorded as refused (docs/access.md), not as read.
        assertEquals(List.of("whittington-health concern no-relationship", "whittington-health agency-view no-relationship"),
                refusals(child));
    }

    List<String> refusals(String child) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                select payload->>'agencyId', payload->>'what', payload->>'rule' from event_store
                where event_type = 'record-access-refused' and subject = ? order by global_position""")) {
            ps.setString(1, child);
            List<String> found = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leads_reading_flags_and_child_records_leave_a_trace_too() {
        var raised = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z")
                .replace("\"riskLevel\": \"medium\"", "\"riskLevel\": \"immediate\"")).statusCode(201).extract();
        String child = raised.path("childId");
        as(LEAD).queryParam("childId", child).get("/flags").then().statusCode(200);
        as(LEAD).get("/children/" + child + "/record").then().statusCode(200);
        assertEquals(List.of("haringey-csc flags lead-3 -", "haringey-csc child-record lead-3 -"),
                TestEvents.accesses(dataSource, child));
    }

    @Test
    void the_trace_is_published_on_access_events_keyed_by_the_child() {
        var raised = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z"))
                .statusCode(201).extract();
        String child = raised.path("childId");
        try (KafkaProbe probe = KafkaProbe.from(Topics.ACCESS)) {
            as(practitioner(POLICE)).get("/concerns/" + raised.path("concernId")).then().statusCode(200);
            ConsumerRecord<String, String> record = probe.await(KafkaProbe.withHeader(CloudEventHeaders.CE_SUBJECT, child),
                    Duration.ofSeconds(30));
            assertEquals(child, record.key());
            assertEquals("record-accessed", KafkaProbe.header(record, CloudEventHeaders.CE_TYPE));
            RecordAccessed accessed = (RecordAccessed) EventJson.read("record-accessed", 1, record.value());
            assertEquals("GET /concerns/" + raised.path("concernId"), accessed.reference());
            assertEquals("met-police", accessed.agencyId());
        }
    }

    @Test
    void an_overlong_purpose_is_refused_and_nothing_is_read() {
        var raised = raise(practitioner(POLICE), concern(TestNhsNumbers.next(), "neglect", "2026-11-01T10:00:00Z"))
                .statusCode(201).extract();
        as(practitioner(POLICE)).header("Access-Purpose", "x".repeat(201)).get("/concerns/" + raised.path("concernId"))
                .then().statusCode(400).body("violations[0].field", equalTo("Access-Purpose"))
                .body("violations[0].rule", equalTo("max-length"));
        assertEquals(List.of(), TestEvents.accesses(dataSource, raised.path("childId")));
    }

    @Test
    void an_unknown_child_record_is_404_without_a_trace() {
        String unknown = UUID.randomUUID().toString();
        as(LEAD).get("/children/" + unknown + "/record").then().statusCode(404);
        assertEquals(List.of(), TestEvents.accesses(dataSource, unknown));
    }
}
