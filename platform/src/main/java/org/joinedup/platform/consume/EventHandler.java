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

    /** Applies one event; runs inside a transaction. Throwing rolls back and retries the same event. */
    void handle(ReceivedEvent event);
}
