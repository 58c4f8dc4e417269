package org.joinedup.directory.agreement;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.joinedup.directory.DirectoryCommands;
import org.joinedup.directory.agreement.domain.AgreementCommand;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.directory.view.SharingPolicy;
import org.joinedup.platform.store.EventMetadata;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records {@code sharing-agreement-expired} once for each agreement whose valid-to day has passed in
 * England and Wales. The sharing decision already refuses by date; this makes the end a recorded fact.
 */
@ApplicationScoped
public class AgreementExpiry {
    private static final Logger LOG = Logger.getLogger(AgreementExpiry.class);
    private final DataSource dataSource;
    private final DirectoryCommands commands;
    private final Clock clock;

    public AgreementExpiry(DataSource dataSource, DirectoryCommands commands, Clock clock) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(every = "${joinedup.directory.expiry-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        expireAsOf(LocalDate.ofInstant(clock.instant(), SharingPolicy.ZONE));
    }

    /** Expires every open agreement whose valid-to day is before {@code today}; returns their ids. */
    public List<UUID> expireAsOf(LocalDate today) {
        List<UUID> due = due(today);
        EventMetadata system = new EventMetadata("agency-directory-service", null, UUID.randomUUID(), null);
        for (UUID id : due) {
            commands.agreement(id, ExpectedVersion.any(), system, now -> new AgreementCommand.Expire(id, today, now));
            LOG.infof("agreement %s expired", id);
        }
        return due;
    }

    private List<UUID> due(LocalDate today) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select agreement_id from directory_agreement where status in ('proposed', 'active') and valid_to < ?")) {
            ps.setDate(1, Date.valueOf(today));
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for expired agreements (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
