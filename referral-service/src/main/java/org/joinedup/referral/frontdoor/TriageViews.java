package org.joinedup.referral.frontdoor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.referral.frontdoor.domain.TriageState;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The triage read model: one row per item, written in the transaction of the command that changed it. */
@ApplicationScoped
public class TriageViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public TriageViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void put(TriageState.Item item, Instant now) {
        TriageView view = TriageView.of(item, now);
        boolean awaiting = item.status() == TriageState.Status.AWAITING_DECISION;
        Jdbc.update(dataSource, """
                insert into triage_item (triage_id, child_id, front_door, status, risk_rank, first_received_at,
                                         decision_due_by, next_due_at, version, view)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (triage_id) do update set status = excluded.status, risk_rank = excluded.risk_rank,
                    next_due_at = excluded.next_due_at, version = excluded.version, view = excluded.view""",
                item.triageId(), item.childId(), item.frontDoor(), view.status(), TriageView.rank(view.highestRisk()),
                Timestamp.from(view.firstReceivedAt()), Timestamp.from(view.decisionDueBy()),
                awaiting && item.overdueAt() == null ? Timestamp.from(item.decisionDueBy()) : null, view.version(), json(view));
    }

    /** The item of this child awaiting this front door's decision, if there is one. */
    public Optional<UUID> awaiting(String frontDoor, UUID childId) {
        return Jdbc.query(dataSource, "select triage_id from triage_item where front_door = ? and child_id = ? and status = ?",
                rs -> rs.getObject(1, UUID.class), frontDoor, childId, TriageState.Status.AWAITING_DECISION.wireName())
                .stream().findFirst();
    }

    public Optional<TriageView> get(UUID triageId, Instant now) {
        return Jdbc.query(dataSource, "select view::text from triage_item where triage_id = ?",
                rs -> view(rs.getString(1), now), triageId).stream().findFirst();
    }

    /**
     * A front door's queue: those awaiting a decision first, the highest risk first, then the soonest due;
     * decided ones newest first.
     *
     * @param status {@code awaiting-decision}, {@code decided}, or null for both
     */
    public List<TriageView> queue(String frontDoor, String status, UUID childId, Instant now, int offset, int limit) {
        return Jdbc.query(dataSource, """
                select view::text from triage_item where front_door = ? and (?::text is null or status = ?)
                  and (?::uuid is null or child_id = ?)
                order by status = 'awaiting-decision' desc,
                         case when status = 'awaiting-decision' then risk_rank end desc nulls last,
                         case when status = 'awaiting-decision' then decision_due_by end,
                         first_received_at desc, triage_id
                offset ? limit ?""", rs -> view(rs.getString(1), now), frontDoor, status, status, childId, childId,
                offset, limit);
    }

    /** Items whose decision's clock has run out by {@code now} with no overdue recorded: the sweep records them. */
    public List<UUID> due(Instant now, int limit) {
        return Jdbc.query(dataSource, "select triage_id from triage_item where next_due_at <= ? order by next_due_at limit ?",
                rs -> rs.getObject(1, UUID.class), Timestamp.from(now), limit);
    }

    private static TriageView view(String json, Instant now) {
        try {
            return JSON.readValue(json, TriageView.class).at(now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable triage view", e);
        }
    }

    private static String json(TriageView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the triage view", e);
        }
    }
}
