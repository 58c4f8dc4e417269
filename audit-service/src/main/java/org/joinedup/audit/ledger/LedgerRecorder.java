package org.joinedup.audit.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.audit.chain.HashChain;
import org.joinedup.audit.chain.LedgerFacts;
import org.joinedup.audit.chain.LedgerHeads;
import org.joinedup.events.EventEnvelope;
import org.joinedup.events.EventType;
import org.joinedup.events.Topics;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

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

    public LedgerRecorder(DataSource dataSource, Clock clock) {
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
        boolean aboutAChild = EventType.byTypeName(e.type()).map(EventType::aboutAChild).orElse(false);
        UUID child = aboutAChild ? uuidOrNull(e.subject()) : null;
        LedgerFacts facts = LedgerFacts.of(e, event.data());
        byte[] canonical = facts.canonicalBytes();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into ledger_entry (event_id, event_type, schema_version, source, subject, child_id,
                         agency_id, actor_id, correlation_id, causation_id, occurred_at, source_recorded_at,
                         recorded_at, topic, kafka_partition, kafka_offset, payload, entry_hash, child_hash, understood)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")) {
            LedgerHeads.lock(c);
            String entryHash = HashChain.next(LedgerHeads.head(c), canonical);
            String childHash = child == null ? null : HashChain.next(LedgerHeads.childHead(c, child), canonical);
            ps.setObject(1, e.id());
            ps.setString(2, e.type());
            ps.setInt(3, e.schemaVersion());
            ps.setString(4, e.source());
            ps.setString(5, e.subject());
            ps.setObject(6, child);
            ps.setString(7, e.agencyId());
            ps.setString(8, e.actorId());
            ps.setObject(9, e.correlationId());
            ps.setObject(10, e.causationId());
            ps.setTimestamp(11, Timestamp.from(facts.time()));
            ps.setTimestamp(12, facts.recordedAt() == null ? null : Timestamp.from(facts.recordedAt()));
            ps.setTimestamp(13, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
            ps.setString(14, event.topic());
            ps.setInt(15, event.partition());
            ps.setLong(16, event.offset());
            ps.setString(17, event.data());
            ps.setString(18, entryHash);
            ps.setString(19, childHash);
            ps.setBoolean(20, event.understood());
            ps.executeUpdate();
            if (!event.understood()) {
                LOG.warnf("ledger: event %s of unknown type %s v%d from %s stored and flagged (not understood)",
                        e.id(), e.type(), e.schemaVersion(), e.source());
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not append to the ledger (SQLState " + ex.getSQLState() + ")", ex);
        }
    }

    private static UUID uuidOrNull(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
