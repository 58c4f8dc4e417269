package org.joinedup.audit;

import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.testing.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Publishes events onto the real broker exactly as concern-service's relay does. */
final class Events {
    private Events() {
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

    static void publish(EventEnvelope envelope, String data) {
        KafkaProbe.produce(Topics.CONCERNS, envelope.subject(), data, CloudEventHeaders.toHeaders(envelope));
    }
}
