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
import java.util.List;
import java.util.Set;

/**
 * Appends every event of every topic to the ledger, chained: each entry's hash covers the previous
 * entry's hash and the entry's canonical bytes, in one chain for the whole ledger and one per child.
 * The platform hands each event over once per event id (a poll's events together), in the
 * transaction that also records the ids as processed, so a redelivered or twice-published event
 * leaves one entry. Appends are serialised by a
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
        return Set.of(Topics.CONCERNS, Topics.REFERRALS, Topics.DIRECTORY, Topics.ACCESS, Topics.NOTIFICATIONS);
    }

    /** Every event is a fact: one of a type this service does not know yet is stored, chained and flagged. */
    @Override
    public boolean acceptsUnknownTypes() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /** The events of one poll go in as one run: one lock, the heads read once, the rows in one batch. */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            List<LedgerAppender.Appended> appended = LedgerAppender.appendAll(c, events, clock.instant());
            for (int i = 0; i < events.size(); i++) {
                if (appended.get(i).gap() != null) {
                    registry.counter("joinedup.ledger.stream-gaps", "kind", appended.get(i).gap()).increment();
                }
                EventEnvelope e = events.get(i).envelope();
                if (!events.get(i).understood()) {
                    LOG.warnf("ledger: event %s of unknown type %s v%d from %s stored and flagged (not understood)",
                            e.id(), e.type(), e.schemaVersion(), e.source());
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not append to the ledger (SQLState " + ex.getSQLState() + ")", ex);
        }
    }
}
