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
 */
public record ReceivedEvent(EventEnvelope envelope, EventPayload payload, String data,
                            String topic, int partition, long offset) {

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
            return new ReceivedEvent(envelope, null, record.value(), record.topic(), record.partition(), record.offset());
        }
        EventPayload payload = EventJson.read(envelope.type(), envelope.schemaVersion(), record.value());
        if (envelope.subject() != null && !envelope.subject().equals(payload.subject())) {
            throw new MalformedEventException("ce_subject does not match the payload's subject");
        }
        return new ReceivedEvent(envelope, payload, record.value(), record.topic(), record.partition(), record.offset());
    }

    /** False for an event of a type or schema version this service does not know. */
    public boolean understood() {
        return payload != null;
    }
}
