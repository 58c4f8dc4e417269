package org.joinedup.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventHeadersTest {

    private final EventEnvelope envelope = new EventEnvelope(
            UUID.fromString("11111111-2222-4333-8444-555555555555"),
            "/concern-service",
            "concern-raised",
            "5e1c0f0e-8a8b-4f57-9a0d-3c2b1a000002",
            Instant.parse("2026-11-20T21:30:00Z"),
            1,
            "met-police",
            "officer-7",
            UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"),
            null,
            Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void headers_round_trip() {
        assertEquals(envelope, CloudEventHeaders.fromHeaders(CloudEventHeaders.toHeaders(envelope)));
    }

    @Test
    void the_cloudevents_sdk_reads_our_binary_mode_kafka_message() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.toHeaders(envelope).forEach(headers::add);
        byte[] data = EventJson.write(ConcernRaisedContractTest.sample()).getBytes(StandardCharsets.UTF_8);

        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            CloudEvent event = deserializer.deserialize(Topics.CONCERNS, headers, data);
            assertEquals("1.0", event.getSpecVersion().toString());
            assertEquals(envelope.id().toString(), event.getId());
            assertEquals("/concern-service", event.getSource().toString());
            assertEquals("concern-raised", event.getType());
            assertEquals(envelope.subject(), event.getSubject());
            assertEquals(OffsetDateTime.parse("2026-11-20T21:30:00Z"), event.getTime());
            assertEquals("application/json", event.getDataContentType());
            assertEquals("1", String.valueOf(event.getExtension("schemaversion")));
            assertEquals("met-police", event.getExtension("agencyid"));
            assertEquals("officer-7", event.getExtension("actorid"));
            assertEquals(envelope.correlationId().toString(), event.getExtension("correlationid"));
            assertNull(event.getExtension("causationid"));
            assertEquals("2026-11-21T08:00:00Z", event.getExtension("recordedat"));
            assertEquals(ConcernRaisedContractTest.sample(),
                    EventJson.read(event.getType(), 1, new String(event.getData().toBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void missing_or_malformed_attributes_are_named() {
        Map<String, byte[]> headers = new HashMap<>(CloudEventHeaders.toHeaders(envelope));
        headers.remove(CloudEventHeaders.CE_TYPE);
        assertTrue(assertThrows(MalformedEventException.class, () -> CloudEventHeaders.fromHeaders(headers))
                .getMessage().contains("ce_type"));

        Map<String, byte[]> badId = new HashMap<>(CloudEventHeaders.toHeaders(envelope));
        badId.put(CloudEventHeaders.CE_ID, "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(MalformedEventException.class, () -> CloudEventHeaders.fromHeaders(badId))
                .getMessage().contains("ce_id"));

        Map<String, byte[]> badTime = new HashMap<>(CloudEventHeaders.toHeaders(envelope));
        badTime.put(CloudEventHeaders.CE_TIME, "last tuesday".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(MalformedEventException.class, () -> CloudEventHeaders.fromHeaders(badTime))
                .getMessage().contains("ce_time"));

        assertThrows(MalformedEventException.class, () -> CloudEventHeaders.fromHeaders(Map.of()));
    }
}
