package org.joinedup.events;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcernRaisedContractTest {

    static ConcernRaised sample() {
        return new ConcernRaised(
                UUID.fromString("0b6f6a4e-3c1e-4d59-9d55-0a4b1fa0c001"),
                UUID.fromString("5e1c0f0e-8a8b-4f57-9a0d-3c2b1a000002"),
                "met-police",
                "officer-7",
                new ChildIdentification("9434765919", "Smith", "Anna", LocalDate.of(2017, 3, 14), "N17 6AB"),
                "neglect",
                List.of("safe", "nurtured"),
                "high",
                "Found alone at home at night.",
                "Mum goes out a lot.",
                Instant.parse("2026-11-20T21:30:00Z"),
                Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void has_a_stable_type_name_version_and_topic() {
        assertEquals("concern-raised", EventType.CONCERN_RAISED.typeName());
        assertEquals(1, EventType.CONCERN_RAISED.schemaVersion());
        assertEquals("concerns.events", EventType.CONCERN_RAISED.topic());
        assertEquals(EventType.CONCERN_RAISED, sample().eventType());
    }

    @Test
    void json_round_trip_keeps_every_fact() {
        ConcernRaised original = sample();
        String json = EventJson.write(original);
        assertTrue(json.contains("\"occurredAt\":\"2026-11-20T21:30:00Z\""), json);
        assertTrue(json.contains("\"dateOfBirth\":\"2017-03-14\""), json);
        assertEquals(original, EventJson.read("concern-raised", 1, json));
    }

    @Test
    void the_subject_is_the_child_id() {
        assertEquals("5e1c0f0e-8a8b-4f57-9a0d-3c2b1a000002", sample().subject());
    }

    @Test
    void unknown_fields_are_tolerated_because_payloads_only_grow() {
        String json = EventJson.write(sample());
        String grown = json.replaceFirst("\\{", "{\"aFieldAddedInVersion2\":{\"nested\":[1,2]},");
        assertEquals(sample(), EventJson.read("concern-raised", 1, grown));
    }

    @Test
    void absent_optional_fields_read_as_empty() {
        String json = "{\"concernId\":\"0b6f6a4e-3c1e-4d59-9d55-0a4b1fa0c001\","
                + "\"childId\":\"5e1c0f0e-8a8b-4f57-9a0d-3c2b1a000002\",\"agencyId\":\"a\",\"category\":\"other\","
                + "\"riskLevel\":\"low\",\"description\":\"d\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
        ConcernRaised read = (ConcernRaised) EventJson.read("concern-raised", 1, json);
        assertEquals(List.of(), read.wellbeingIndicators());
        assertEquals(null, read.childsVoice());
        assertFalse(EventJson.write(read).contains("childsVoice"));
    }

    @Test
    void an_estimated_date_of_birth_and_a_description_round_trip_and_an_older_child_reads_as_exact() {
        var child = new ChildIdentification(null, null, "Anna", LocalDate.of(2018, 5, 22), null, List.of(), true,
                "A girl of about 8 at the address");
        ConcernRaised s = sample();
        ConcernRaised estimated = new ConcernRaised(s.concernId(), s.childId(), s.agencyId(), s.practitionerId(), child,
                s.category(), s.wellbeingIndicators(), s.riskLevel(), s.description(), s.childsVoice(), s.occurredAt(),
                s.recordedAt());
        String json = EventJson.write(estimated);
        assertTrue(json.contains("\"dateOfBirthEstimated\":true"), json);
        assertEquals(estimated, EventJson.read("concern-raised", 1, json));
        String exact = EventJson.write(sample());
        assertFalse(exact.contains("dateOfBirthEstimated"), "an exact date writes no flag: " + exact);
        assertFalse(((ConcernRaised) EventJson.read("concern-raised", 1, exact)).child().dateOfBirthEstimated());
    }

    @Test
    void amendments_and_withdrawals_round_trip_keyed_by_child_and_timed_when_made() {
        ConcernRaised raised = sample();
        Instant at = Instant.parse("2026-11-22T09:00:00Z");
        var amended = new org.joinedup.events.concern.ConcernAmended(raised.concernId(), raised.childId(),
                raised.agencyId(), "officer-7", "risk reassessed after a home visit",
                new org.joinedup.events.concern.ConcernChanges(null, null, "immediate", null, null, null), at);
        var withdrawn = new org.joinedup.events.concern.ConcernWithdrawn(raised.concernId(), raised.childId(),
                raised.agencyId(), "officer-7", "recorded against the wrong child", at);
        for (EventPayload e : List.of(amended, withdrawn)) {
            assertEquals(e, EventJson.read(e.eventType().typeName(), 1, EventJson.write(e)));
            assertEquals(raised.subject(), e.subject());
            assertEquals(at, e.occurredAt());
            assertFalse(EventJson.write(e).contains("\"occurredAt\":\"2026-11-22"), EventJson.write(e));
        }
        assertEquals("concern-amended", amended.eventType().typeName());
        assertEquals("concern-withdrawn", withdrawn.eventType().typeName());
    }

    @Test
    void unknown_types_newer_versions_and_broken_json_are_refused_with_a_reason() {
        String json = EventJson.write(sample());
        assertTrue(assertThrows(MalformedEventException.class, () -> EventJson.read("concern-eaten", 1, json))
                .getMessage().contains("unknown event type"));
        assertTrue(assertThrows(MalformedEventException.class, () -> EventJson.read("concern-raised", 2, json))
                .getMessage().contains("newer"));
        assertTrue(assertThrows(MalformedEventException.class, () -> EventJson.read("concern-raised", 1, "{not json"))
                .getMessage().contains("not a valid concern-raised"));
        assertThrows(MalformedEventException.class, () -> EventJson.read("concern-raised", 1, ""));
        assertThrows(MalformedEventException.class,
                () -> EventJson.read("concern-raised", 1, "{\"occurredAt\":\"yesterday\"}"));
    }
}
