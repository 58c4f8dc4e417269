package org.joinedup.referral.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The referral read model: one row per referral, written in the transaction of the command that changed it. */
@ApplicationScoped
public class ReferralViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public ReferralViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void put(ReferralState s, Instant now) {
        ReferralView view = ReferralView.of(s, now);
        boolean overdueRecorded = view.clocks().stream()
                .anyMatch(c -> c.overdueRecordedAt() != null && c.metAt() == null && c.stoppedAt() == null);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into referral_view (referral_id, child_id, from_agency, to_agency, status, made_at, overdue,
                                                next_due_at, version, view)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                     on conflict (referral_id) do update set status = excluded.status, overdue = excluded.overdue,
                         next_due_at = excluded.next_due_at, version = excluded.version, view = excluded.view""")) {
            ps.setObject(1, view.referralId());
            ps.setObject(2, view.childId());
            ps.setString(3, view.fromAgency());
            ps.setString(4, view.toAgency());
            ps.setString(5, view.status());
            ps.setTimestamp(6, Timestamp.from(view.madeAt()));
            ps.setBoolean(7, overdueRecorded);
            ps.setTimestamp(8, ReferralDecider.nextDue(s).map(Timestamp::from).orElse(null));
            ps.setInt(9, view.version());
            ps.setString(10, JSON.writeValueAsString(view));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the referral view", e);
        }
    }

    public Optional<ReferralView> get(UUID referralId, Instant now) {
        List<ReferralView> found = query("select view::text from referral_view where referral_id = ?", now, referralId);
        return found.stream().findFirst();
    }

    /**
     * Referrals, newest first.
     *
     * @param agency      only those sent by or to this agency (null: every agency)
     * @param direction   {@code sent}, {@code received} or null for both
     * @param status      made, acknowledged, decided, closed, or null
     * @param overdueOnly only those with a clock overdue at {@code now}
     */
    public List<ReferralView> list(String agency, String direction, String status, UUID childId, boolean overdueOnly,
                                   Instant now, int limit) {
        return query("""
                select view::text from referral_view
                where (?::text is null or (? <> 'received' and from_agency = ?) or (? <> 'sent' and to_agency = ?))
                  and (?::text is null or status = ?)
                  and (?::uuid is null or child_id = ?)
                  and (not ? or overdue or next_due_at <= ?)
                order by made_at desc, referral_id limit ?""", now,
                agency, direction == null ? "" : direction, agency, direction == null ? "" : direction, agency,
                status, status, childId, childId, overdueOnly, Timestamp.from(now), limit);
    }

    /** Referrals whose next clock has run out by {@code now}: the sweep records them overdue. */
    public List<UUID> due(Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select referral_id from referral_view where next_due_at <= ? order by next_due_at limit ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<ReferralView> query(String sql, Instant now, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<ReferralView> views = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(JSON.readValue(rs.getString(1), ReferralView.class).at(now));
                }
            }
            return views;
        } catch (SQLException e) {
            throw failed(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable referral view", e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("could not use the referral views (SQLState " + e.getSQLState() + ")", e);
    }
}
