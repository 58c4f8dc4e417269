package org.joinedup.audit.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.audit.chain.LedgerAppender;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.Topics;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;

/**
 * Appends every event of every topic to the ledger, chained: each entry's hash covers the previous
 * entry's hash and the entry's canonical bytes, in one chain for the whole ledger and one per child.
 * The platform calls it once per event id, in the transaction that also records the id as processed,
 * so a redelivered or twice-published event leaves one entry. Appends are serialised by a
 * transaction-scoped advisory lock, so the chains stay linear even with several instances.
 */
@ApplicationScoped
public class LedgerRecorder implements EventHandler {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LedgerRecorder.class);
    private final DataSource dataSource;
    private final Clock clock;

    private final io.micrometer.core.instrument.MeterRegistry registry;

    public LedgerRecorder(DataSource dataSource, Clock clock, io.micrometer.core.instrument.MeterRegistry registry) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String consumerName() {
        // A new name is a new consumer group reading every topic from the beginning: the chained
        // ledger was filled this way from the topics when hash chains arrived (see the migration).
        return "audit-ledger-chained";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CONCERNS, Topics.REFERRALS, Topics.DIRECTORY, Topics.ACCESS);
    }

    /** Every event is a fact: one of a type this service does not know yet is stored, chained and flagged. */
    @Override
    public boolean acceptsUnknownTypes() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        EventEnvelope e = event.envelope();
        try (Connection c = dataSource.getConnection()) {
            LedgerAppender.Appended appended = LedgerAppender.append(c, event, clock.instant());
            if (appended.gap() != null) {
                registry.counter("joinedup.ledger.stream-gaps", "kind", appended.gap()).increment();
            }
            if (!event.understood()) {
                LOG.warnf("ledger: event %s of unknown type %s v%d from %s stored and flagged (not understood)",
                        e.id(), e.type(), e.schemaVersion(), e.source());
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not append to the ledger (SQLState " + ex.getSQLState() + ")", ex);
        }
    }
}
