package org.joinedup.audit.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Where the ledger publishes its order, and where a rebuild reads one from. */
@ConfigMapping(prefix = "joinedup.audit")
public interface LedgerOrderSettings {
    /** The single-partition topic this ledger publishes its order to (unlimited retention). */
    @WithName("ledger-order-topic")
    @WithDefault("audit.ledger-order")
    String orderTopic();

    /** How often the publisher looks for entries not yet published. */
    @WithName("ledger-order-interval")
    @WithDefault("PT0.5S")
    Duration interval();

    /**
     * Set to an order topic to rebuild: when the ledger is empty at start, the events are appended in
     * that topic's order (each fetched from its source topic) before live consumption begins.
     */
    @WithName("rebuild-from")
    Optional<String> rebuildFrom();
}
