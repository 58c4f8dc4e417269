package org.joinedup.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The JSON mapping of event payloads. Readers tolerate unknown fields (payloads only grow); writers
 * leave out absent optional fields and write times as RFC 3339 strings.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    /** A copy of the mapper, for callers that need to configure their own. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static String write(EventPayload payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a payload of the given type and schema version.
     *
     * @throws MalformedEventException when the type is unknown, the version is newer than this
     *                                 reader knows, or the JSON does not fit the contract
     */
    /** Whether this reader knows the type at this schema version. */
    public static boolean understands(String typeName, int schemaVersion) {
        return EventType.byTypeName(typeName).map(t -> schemaVersion <= t.schemaVersion()).orElse(false);
    }

    /** Checks that data is a JSON object, without knowing its type. */
    public static void requireObject(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("the event has no data");
        }
        try {
            if (!MAPPER.readTree(json).isObject()) {
                throw new MalformedEventException("the event data is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("the event data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static EventPayload read(String typeName, int schemaVersion, String json) {
        EventType type = EventType.byTypeName(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + typeName + "'"));
        if (schemaVersion > type.schemaVersion()) {
            throw new MalformedEventException("schema version " + schemaVersion + " of " + typeName
                    + " is newer than this reader knows (" + type.schemaVersion() + ")");
        }
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("the event has no data");
        }
        try {
            EventPayload payload = MAPPER.readValue(json, type.payloadClass());
            if (payload == null) {
                throw new MalformedEventException("the event data is null");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data is not a valid " + typeName + " v" + schemaVersion
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("data is not a valid " + typeName + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof MalformedEventException m) {
                throw m;
            }
            throw new MalformedEventException("data is not a valid " + typeName + ": " + e.getMessage(), e);
        }
    }

}
