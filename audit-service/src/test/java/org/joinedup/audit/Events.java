package org.joinedup.audit;

import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.Contact;
import org.joinedup.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Publishes events onto the real broker exactly as concern-service's relay does. */
final class Events {
    /** The test area's children's social care: the front door of every child whose concerns come from Haringey agencies. */
    static final String FRONT_DOOR = "haringey-csc";
    private static final String[][] HARINGEY = {
            {"haringey-csc", "childrens-social-care"}, {"met-police", "police"}, {"whittington-health", "health"},
            {"northside-primary", "education"}, {"riverside-academy", "education"}, {"safe-steps", "voluntary-sector"},
            {"homes-for-haringey", "housing"}};

    private Events() {
    }

    /**
     * Registers the test area's agencies in the directory, all in Haringey, so haringey-csc is the front
     * door of a child with no postcode whose records come from them (docs/access.md); once per test JVM.
     */
    static synchronized void haringey() {
        if (System.getProperty("joinedup.test.audit.haringey") != null) {
            return;
        }
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (String[] a : HARINGEY) {
            publish(new AgencyRegistered(a[0], a[0] + " (test)", a[1], "Haringey",
                    new Contact("duty@" + a[0] + ".example", "020 7946 0000"), List.of(), "admin", at), null);
        }
        System.setProperty("joinedup.test.audit.haringey", "registered");
    }

    static ConcernRaised concern(UUID childId, String agency, String category, Instant occurredAt) {
        return new ConcernRaised(UUID.randomUUID(), childId, agency, "practitioner-1",
                new ChildIdentification(null, "Doe", "Sam", LocalDate.of(2016, 1, 2), null),
                category, List.of("safe"), "medium", "Seen with an injury.", null, occurredAt,
                occurredAt.plusSeconds(3600));
    }

    /** Publishes the event with a new event id; returns the envelope. */
    static EventEnvelope publish(ConcernRaised event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/concern-service", "concern-raised",
                event.subject(), event.occurredAt(), 1, event.agencyId(), event.practitionerId(), UUID.randomUUID(),
                null, event.recordedAt());
        publish(envelope, EventJson.write(event));
        return envelope;
    }

    /** Publishes any event on its topic, as recorded for {@code agencyId} (null: no agency); returns the envelope. */
    static EventEnvelope publish(EventPayload event, String agencyId) {
        String source = switch (event.eventType().topic()) {
            case Topics.REFERRALS -> "/referral-service";
            case Topics.DIRECTORY -> "/agency-directory-service";
            default -> "/concern-service";
        };
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), source, event.eventType().typeName(),
                event.subject(), event.occurredAt(), 1, agencyId, "actor-of-" + agencyId, UUID.randomUUID(), null,
                event.occurredAt());
        KafkaProbe.produce(event.eventType().topic(), event.subject(), EventJson.write(event),
                CloudEventHeaders.toHeaders(envelope));
        return envelope;
    }

    static void publish(EventEnvelope envelope, String data) {
        KafkaProbe.produce(Topics.CONCERNS, envelope.subject(), data, CloudEventHeaders.toHeaders(envelope));
    }
}
