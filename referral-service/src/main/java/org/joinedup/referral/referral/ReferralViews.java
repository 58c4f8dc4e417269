package org.joinedup.referral.referral;

import org.joinedup.referral.referral.domain.ReferralDecider;
import org.joinedup.referral.referral.domain.ReferralState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
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

    public void put(ReferralState.Referral s, Instant now) {
        ReferralView view = ReferralView.of(s, now);
        boolean overdueRecorded = view.clocks().stream()
                .anyMatch(c -> c.overdueRecordedAt() != null && c.metAt() == null && c.stoppedAt() == null);
        Jdbc.update(dataSource, """
                insert into referral_view (referral_id, child_id, from_agency, to_agency, status, made_at, overdue,
                                           next_due_at, version, view)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (referral_id) do update set status = excluded.status, overdue = excluded.overdue,
                    next_due_at = excluded.next_due_at, version = excluded.version, view = excluded.view""",
                view.referralId(), view.childId(), view.fromAgency(), view.toAgency(), view.status(),
                Timestamp.from(view.madeAt()), overdueRecorded, ReferralDecider.nextDue(s).map(Timestamp::from).orElse(null),
                view.version(), json(view));
    }

    public Optional<ReferralView> get(UUID referralId, Instant now) {
        return Jdbc.query(dataSource, "select view::text from referral_view where referral_id = ?",
                rs -> view(rs.getString(1), now), referralId).stream().findFirst();
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
        return list(agency, direction, status, childId, overdueOnly, now, 0, limit);
    }

    /** {@link #list}, from the {@code offset}-th referral of the list. */
    public List<ReferralView> list(String agency, String direction, String status, UUID childId, boolean overdueOnly,
                                   Instant now, int offset, int limit) {
        String dir = direction == null ? "" : direction;
        return Jdbc.query(dataSource, """
                select view::text from referral_view
                where (?::text is null or (? <> 'received' and from_agency = ?) or (? <> 'sent' and to_agency = ?))
                  and (?::text is null or status = ?)
                  and (?::uuid is null or child_id = ?)
                  and (not ? or overdue or next_due_at <= ?)
                order by made_at desc, referral_id offset ? limit ?""", rs -> view(rs.getString(1), now),
                agency, dir, agency, dir, agency, status, status, childId, childId, overdueOnly, Timestamp.from(now),
                offset, limit);
    }

    /** A referral with a clock run out, and the agency whose clock it is. */
    public record Due(UUID referralId, String toAgency) {
    }

    /** Referrals whose next clock has run out by {@code now}: the sweep records them overdue. */
    public List<Due> due(Instant now, int limit) {
        return Jdbc.query(dataSource, """
                select referral_id, to_agency from referral_view where next_due_at <= ? order by next_due_at limit ?""",
                rs -> new Due(rs.getObject(1, UUID.class), rs.getString(2)), Timestamp.from(now), limit);
    }

    private static String json(ReferralView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the referral view", e);
        }
    }

    private static ReferralView view(String json, Instant now) {
        try {
            return JSON.readValue(json, ReferralView.class).at(now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable referral view", e);
        }
    }
}
