package org.joinedup.platform.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.joinedup.events.CloudEventHeaders;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;
import org.joinedup.events.MalformedEventException;

import java.util.HashMap;
import java.util.Map;

/**
 * An event read from Kafka: its envelope, its payload and the JSON it arrived as.
 *
 * @param payload the parsed payload; null only for an event of a type (or schema version) this
 *                service does not know, handed to a handler that {@linkplain EventHandler#acceptsUnknownTypes accepts them}
 * @param data    the payload exactly as it travelled (the CloudEvents data)
 * @param streamId      the producer's stream ({@code ce_streamid}), or null when the producer did not say
 * @param streamVersion the event's position in that stream ({@code ce_streamversion}), or null
 */
public record ReceivedEvent(EventEnvelope envelope, EventPayload payload, String data,
                            String topic, int partition, long offset, String streamId, Long streamVersion) {

    /** @throws MalformedEventException naming what cannot be read */
    public static ReceivedEvent from(ConsumerRecord<String, String> record) {
        return from(record, false);
    }

    /**
     * @param acceptUnknown whether an unknown type or newer schema version is accepted (with a null
     *                      payload) as long as the data is a JSON object
     * @throws MalformedEventException naming what cannot be read
     */
    public static ReceivedEvent from(ConsumerRecord<String, String> record, boolean acceptUnknown) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value());
        }
        EventEnvelope envelope = CloudEventHeaders.fromHeaders(headers);
        if (acceptUnknown && !EventJson.understands(envelope.type(), envelope.schemaVersion())) {
            EventJson.requireObject(record.value());
            return new ReceivedEvent(envelope, null, record.value(), record.topic(), record.partition(), record.offset(),
                    text(headers, CloudEventHeaders.CE_STREAMID), version(headers));
        }
        EventPayload payload = EventJson.read(envelope.type(), envelope.schemaVersion(), record.value());
        if (envelope.subject() != null && !envelope.subject().equals(payload.subject())) {
            throw new MalformedEventException("ce_subject does not match the payload's subject");
        }
        return new ReceivedEvent(envelope, payload, record.value(), record.topic(), record.partition(), record.offset(),
                text(headers, CloudEventHeaders.CE_STREAMID), version(headers));
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Long version(Map<String, byte[]> headers) {
        String value = text(headers, CloudEventHeaders.CE_STREAMVERSION);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedEventException("ce_streamversion is not a number");
        }
    }

    /** False for an event of a type or schema version this service does not know. */
    public boolean understood() {
        return payload != null;
    }
}
