package org.joinedup.events;

import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.Contact;
import org.joinedup.events.directory.InformationCategory;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryEventsContractTest {
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    static final UUID AGREEMENT = UUID.fromString("7d1c2b3a-0000-4000-8000-000000000001");
    static final AgreementTerms TERMS = new AgreementTerms("MASH protocol", List.of("met-police", "haringey-csc"),
            List.of("neglect", "referral"), List.of("safeguarding"), "public-task", "DPA 2018 Sch. 1 para 18",
            "collaboration", "monthly", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), LocalDate.of(2026, 10, 1));

    static List<EventPayload> samples() {
        Contact contact = new Contact("mash@haringey.example", "020 7946 0000");
        return List.of(
                new AgencyRegistered("met-police", "Met Police", "police", "Haringey", contact, List.of("met-police-system"), "admin", AT),
                new AgencyUpdated("haringey-csc", "Haringey MASH", "childrens-social-care", "Haringey", contact, List.of(),
                        "admin", AT, List.of("N17", "N4 1")),
                new AgencyDeactivated("met-police", "merged", "admin", AT),
                new SharingAgreementProposed(AGREEMENT, TERMS, "admin", AT),
                new SharingAgreementSigned(AGREEMENT, "met-police", "Jo Bloggs", "Detective Superintendent", "lead", AT),
                new SharingAgreementActivated(AGREEMENT, TERMS, AT),
                new SharingAgreementRevoked(AGREEMENT, "superseded", "admin", AT),
                new SharingAgreementExpired(AGREEMENT, LocalDate.of(2027, 3, 31), AT));
    }

    @Test
    void every_directory_event_travels_on_directory_events_keyed_by_agency_or_agreement_and_round_trips() {
        for (EventPayload event : samples()) {
            EventType type = event.eventType();
            assertEquals(Topics.DIRECTORY, type.topic(), type.typeName());
            assertFalse(type.aboutAChild(), type.typeName());
            assertEquals(event, EventJson.read(type.typeName(), 1, EventJson.write(event)), type.typeName());
        }
        assertEquals("met-police", samples().get(0).subject());
        assertEquals(AGREEMENT.toString(), samples().get(3).subject());
    }

    @Test
    void an_agency_written_before_front_doors_existed_reads_as_nobody_s_front_door() {
        String old = """
                {"agencyId": "haringey-csc", "name": "Haringey MASH", "kind": "childrens-social-care", "area": "Haringey",
                 "contact": {"mailbox": "mash@haringey.example"}, "clientIds": [], "registeredBy": "admin",
                 "occurredAt": "2026-11-22T10:00:00Z"}""";
        var read = (AgencyRegistered) EventJson.read("agency-registered", 1, old);
        assertEquals(List.of(), read.frontDoorFor());
        assertEquals("Haringey", read.area());
    }

    @Test
    void the_type_names_are_the_catalogues() {
        assertEquals(List.of("agency-registered", "agency-updated", "agency-deactivated", "sharing-agreement-proposed",
                        "sharing-agreement-signed", "sharing-agreement-activated", "sharing-agreement-revoked",
                        "sharing-agreement-expired"),
                samples().stream().map(e -> e.eventType().typeName()).toList());
    }

    @Test
    void information_categories_are_the_concern_categories_plus_referral_plan_and_case_note() {
        assertTrue(InformationCategory.isKnown("neglect"));
        assertTrue(InformationCategory.isKnown("female-genital-mutilation"));
        assertTrue(InformationCategory.isKnown("referral"));
        assertTrue(InformationCategory.isKnown("plan"));
        assertTrue(InformationCategory.isKnown("case-note"));
        assertFalse(InformationCategory.isKnown("gossip"));
        assertEquals(16, InformationCategory.all().size());
    }
}
