package org.joinedup.events;

import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildMatchDismissed;
import org.joinedup.events.concern.ChildName;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.ChildRegistered;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildEventsContractTest {
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    static final UUID CHILD = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    static final UUID OTHER = UUID.fromString("c0000000-0000-4000-8000-000000000002");
    static final ChildIdentification ANNA = new ChildIdentification(null, "Kouao", "Anna",
            LocalDate.of(2016, 11, 2), "N17 0AA", List.of(new ChildName("Climbié", "Victoria")));

    static List<EventPayload> samples() {
        UUID link = UUID.randomUUID();
        return List.of(
                new ChildRegistered(CHILD, ANNA, UUID.randomUUID(), AT),
                new ChildRecordsLinked(link, CHILD, OTHER, UUID.randomUUID(), "same school and GP", "lead-1", AT),
                new ChildRecordsUnlinked(link, CHILD, OTHER, "twins, not the same child", "lead-1", AT),
                new ChildMatchDismissed(UUID.randomUUID(), CHILD, OTHER, "different mothers", "lead-1", AT));
    }

    @Test
    void child_events_travel_on_concerns_events_keyed_by_child_and_round_trip() {
        for (EventPayload event : samples()) {
            EventType type = event.eventType();
            assertEquals(Topics.CONCERNS, type.topic(), type.typeName());
            assertTrue(type.aboutAChild(), type.typeName());
            assertEquals(CHILD.toString(), event.subject(), type.typeName());
            assertEquals(AT, event.occurredAt(), type.typeName());
            assertEquals(event, EventJson.read(type.typeName(), 1, EventJson.write(event)), type.typeName());
        }
        assertEquals(List.of("child-registered", "child-records-linked", "child-records-unlinked", "child-match-dismissed"),
                samples().stream().map(e -> e.eventType().typeName()).toList());
    }

    @Test
    void flag_decisions_travel_on_concerns_events_keyed_by_the_child_and_a_flag_without_share_ids_reads_empty() {
        UUID flag = UUID.randomUUID();
        for (EventPayload event : List.of(
                new org.joinedup.events.concern.BiggerPictureFlagAcknowledged(flag, CHILD, "booked", "lead-1", AT),
                new org.joinedup.events.concern.BiggerPictureFlagCleared(flag, CHILD, "s47 opened", "lead-1", AT))) {
            assertEquals(Topics.CONCERNS, event.eventType().topic());
            assertEquals(CHILD.toString(), event.subject());
            assertEquals(event, EventJson.read(event.eventType().typeName(), 1, EventJson.write(event)));
        }
        String before = """
                {"flagId": "%s", "childId": "%s", "rule": "highest-risk", "concernIds": [], "agencies": ["met-police"],
                 "summary": "a concern at the highest risk level", "raisedAt": "2026-11-22T10:00:00Z"}""".formatted(flag, CHILD);
        var read = (org.joinedup.events.concern.BiggerPictureFlagRaised) EventJson.read("bigger-picture-flag-raised", 1, before);
        assertEquals(List.of(), read.shareIds());
    }

    @Test
    void record_accessed_and_refused_travel_on_access_events_keyed_by_the_child() {
        var accessed = new org.joinedup.events.access.RecordAccessed(UUID.randomUUID(), CHILD, "lead-1", "haringey-csc",
                "chronology", "GET /children/" + CHILD + "/chronology", "strategy discussion", AT, "front-door");
        var refused = new org.joinedup.events.access.RecordAccessRefused(UUID.randomUUID(), CHILD, "lead-2",
                "riverside-academy", "chronology", "GET /children/" + CHILD + "/chronology", "no-relationship", AT);
        for (EventPayload event : List.of(accessed, refused)) {
            EventType type = event.eventType();
            assertEquals(Topics.ACCESS, type.topic());
            assertTrue(type.aboutAChild());
            assertEquals(CHILD.toString(), event.subject());
            assertEquals(AT, event.occurredAt());
            assertEquals(event, EventJson.read(type.typeName(), 1, EventJson.write(event)));
        }
        assertEquals("record-accessed", accessed.eventType().typeName());
        assertEquals("record-access-refused", refused.eventType().typeName());
    }

    @Test
    void a_read_recorded_before_the_basis_existed_reads_with_none() {
        String old = """
                {"accessId": "%s", "childId": "%s", "actorId": "lead-1", "agencyId": "haringey-csc", "what": "chronology",
                 "reference": "GET /children/x/chronology", "accessedAt": "2026-11-22T10:00:00Z"}""".formatted(UUID.randomUUID(), CHILD);
        var read = (org.joinedup.events.access.RecordAccessed) EventJson.read("record-accessed", 1, old);
        assertEquals(null, read.basis());
        assertEquals("haringey-csc", read.agencyId());
    }

    @Test
    void break_glass_travels_on_concerns_events_keyed_by_the_child() {
        UUID grant = UUID.randomUUID();
        var granted = new org.joinedup.events.access.EmergencyAccessGranted(grant, CHILD, "riverside-academy", "lead-2",
                "Child disclosed a threat tonight; police unreachable", AT, AT.plusSeconds(86400),
                List.of("met-police", "whittington-health"));
        var acknowledged = new org.joinedup.events.access.EmergencyAccessAcknowledged(grant, CHILD, "met-police",
                "lead-1", AT);
        for (EventPayload event : List.of(granted, acknowledged)) {
            EventType type = event.eventType();
            assertEquals(Topics.CONCERNS, type.topic());
            assertTrue(type.aboutAChild());
            assertEquals(CHILD.toString(), event.subject());
            assertEquals(AT, event.occurredAt());
            assertEquals(event, EventJson.read(type.typeName(), 1, EventJson.write(event)));
        }
        assertEquals("emergency-access-granted", granted.eventType().typeName());
        assertEquals("emergency-access-acknowledged", acknowledged.eventType().typeName());
    }

    @Test
    void an_identification_written_before_aliases_existed_reads_with_no_aliases() {
        String old = """
                {"childId": "%s", "firstConcernId": "%s", "registeredAt": "2026-11-22T10:00:00Z",
                 "identification": {"nhsNumber": null, "familyName": "Kouao", "givenName": "Anna",
                                    "dateOfBirth": "2016-11-02", "postcode": null}}"""
                .formatted(CHILD, UUID.randomUUID());
        ChildRegistered read = (ChildRegistered) EventJson.read("child-registered", 1,
                old);
        assertEquals(List.of(), read.identification().aliases());
        assertEquals("Kouao", read.identification().familyName());
    }
}
