package org.joinedup.events;

/**
 * The facts of one event: each event type is a record implementing this. The subject (child id, or
 * agency/agreement id for directory events) is also the Kafka key, so one subject's events keep
 * their order.
 */
public interface EventPayload {
    /** The CloudEvents subject and Kafka key. */
    String subject();

    /** When the fact happened in the world (the CloudEvents {@code time}). */
    java.time.Instant occurredAt();

    default EventType eventType() {
        return EventType.of(this);
    }
}
