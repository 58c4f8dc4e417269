package org.joinedup.platform.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The record of which events a consumer has applied: the idempotency guard. */
@ApplicationScoped
public class ProcessedMessages {
    private final DataSource dataSource;

    public ProcessedMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event as applied by this consumer; false when it already was (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markFirstDelivery(String consumer, UUID eventId) {
        return !markFirstDeliveries(consumer, List.of(eventId)).isEmpty();
    }

    /**
     * Records the events as applied by this consumer in one statement; returns the ids that were not
     * recorded before (those to apply). An id given twice is returned once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markFirstDeliveries(String consumer, List<UUID> eventIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into processed_message (consumer, event_id) select ?, unnest(?::uuid[])
                     on conflict do nothing returning event_id""")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
            Set<UUID> first = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    first.add(rs.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed messages (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
