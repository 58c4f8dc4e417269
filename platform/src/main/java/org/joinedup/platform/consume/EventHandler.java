package org.joinedup.platform.consume;

import java.util.Set;

/**
 * A consumer of other services' events. Implement it as a CDI bean and the platform runs it: each
 * event is handed over once per event id, inside a transaction that also records the event id, so
 * the handler's change and the deduplication record commit together. Offsets are committed after.
 */
public interface EventHandler {
    /** Stable: the Kafka consumer group and the key of this handler's processed-message records. */
    String consumerName();

    /** The topics it reads. */
    Set<String> topics();

    /**
     * Whether events this service does not understand (an unknown type, or a newer schema version),
     * with a valid envelope and a JSON object as data, are handed over with a null payload instead of
     * going to the dead-letter topic. The audit ledger takes them: an event is a fact even if no
     * reader knows its type yet.
     */
    default boolean acceptsUnknownTypes() {
        return false;
    }

    /** Applies one event; runs inside a transaction. Throwing rolls back and retries the same event. */
    void handle(ReceivedEvent event);

    /**
     * Applies events in the order given, each handed over for the first time, in one transaction.
     * Override it when the handler can apply many events for less than the sum of one at a time (the
     * audit ledger reads its chains' heads once and inserts the entries as one batch).
     */
    default void handleAll(java.util.List<ReceivedEvent> events) {
        events.forEach(this::handle);
    }
}
