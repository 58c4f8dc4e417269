package org.joinedup.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type in the catalogue: its stable type name (the CloudEvents {@code type}, also the
 * type stored in each event store), the schema version producers write now, the payload record and
 * the topic it travels on. The type name never changes; a breaking change is a new schema version.
 */
public enum EventType {
    CONCERN_RAISED("concern-raised", 1, org.joinedup.events.concern.ConcernRaised.class, Topics.CONCERNS, true);

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends EventPayload> payloadClass;
    private final String topic;
    private final boolean aboutAChild;

    EventType(String typeName, int schemaVersion, Class<? extends EventPayload> payloadClass, String topic,
              boolean aboutAChild) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.payloadClass = payloadClass;
        this.topic = topic;
        this.aboutAChild = aboutAChild;
    }

    /** True when the subject is a child id, so the event belongs in that child's chronology. */
    public boolean aboutAChild() {
        return aboutAChild;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> byTypeName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadClass.equals(payload.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no event type registered for " + payload.getClass().getName()));
    }
}
