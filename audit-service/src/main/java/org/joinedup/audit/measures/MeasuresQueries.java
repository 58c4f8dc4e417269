package org.joinedup.audit.measures;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.events.EventPayload;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads from the ledger the events the measures count, as recorded by a moment (the producing service's
 * recordedAt, or when it happened for an event without one, as for the chronology), in ledger order.
 * Referrals, shares, concerns and front door contacts are read from 13 months before the period (a re-referral
 * looks back 12); the directory, agreements, teams, child links and child protection episodes whole.
 */
@ApplicationScoped
public class MeasuresQueries {
    private final DataSource dataSource;

    public MeasuresQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Measures measures(String area, LocalDate from, LocalDate to, Instant asOf) {
        return PartnershipMeasures.compute(events(from, asOf), area, from, to, asOf);
    }

    List<EventPayload> events(LocalDate from, Instant asOf) {
        Instant since = from.minusMonths(13).atStartOfDay(PartnershipMeasures.LONDON).toInstant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select event_type, schema_version, payload::text from ledger_entry
                     where event_type = any(?) and coalesce(source_recorded_at, occurred_at) <= ?
                       and (event_type = any(?) or occurred_at >= ?)
                     order by seq""")) {
            ps.setArray(1, c.createArrayOf("text", PartnershipMeasures.TYPES.toArray()));
            ps.setTimestamp(2, Timestamp.from(asOf));
            ps.setArray(3, c.createArrayOf("text", PartnershipMeasures.WHOLE_HISTORY.toArray()));
            ps.setTimestamp(4, Timestamp.from(since));
            List<EventPayload> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (EventJson.understands(rs.getString(1), rs.getInt(2))) {
                        events.add(EventJson.read(rs.getString(1), rs.getInt(2), rs.getString(3)));
                    }
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger for the measures", e);
        }
    }
}
