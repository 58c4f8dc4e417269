package org.joinedup.platform.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into processed_message (consumer, event_id) values (?, ?) on conflict do nothing")) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a processed message (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
