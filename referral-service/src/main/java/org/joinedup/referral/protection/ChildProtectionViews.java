package org.joinedup.referral.protection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.referral.protection.domain.ChildProtectionState;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The child protection read model: one row per episode, written in the transaction of the command that changed it. */
@ApplicationScoped
public class ChildProtectionViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public ChildProtectionViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param nextDueAt when the sweep must next look at the episode (its soonest running deadline), or null */
    public void put(ChildProtectionState.Episode e, Instant nextDueAt) {
        ChildProtectionView view = ChildProtectionView.of(e);
        Jdbc.update(dataSource, """
                insert into child_protection_episode (episode_id, child_id, local_authority, stage, plan_since, next_due_at,
                                                      version, view)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (episode_id) do update set stage = excluded.stage, plan_since = excluded.plan_since,
                    next_due_at = excluded.next_due_at, version = excluded.version, view = excluded.view""",
                view.episodeId(), view.childId(), view.localAuthority(), view.stage(),
                view.planSince() == null ? null : Timestamp.from(view.planSince()),
                nextDueAt == null ? null : Timestamp.from(nextDueAt), view.version(), json(view));
    }

    public Optional<ChildProtectionView> get(UUID episodeId) {
        return Jdbc.query(dataSource, "select view::text from child_protection_episode where episode_id = ?",
                rs -> view(rs.getString(1)), episodeId).stream().findFirst();
    }

    /** The episodes of one child record, newest first. */
    public List<ChildProtectionView> ofChild(UUID childId, int limit) {
        return Jdbc.query(dataSource, """
                select view::text from child_protection_episode where child_id = ?
                order by (view->'strategyDiscussion'->>'heldAt') desc, episode_id limit ?""",
                rs -> view(rs.getString(1)), childId, limit);
    }

    /** Episodes with a deadline run out by {@code now}: the sweep records them overdue. */
    public List<UUID> due(Instant now, int limit) {
        return Jdbc.query(dataSource, """
                select episode_id from child_protection_episode where next_due_at <= ? order by next_due_at limit ?""",
                rs -> rs.getObject(1, UUID.class), Timestamp.from(now), limit);
    }

    private static ChildProtectionView view(String json) {
        try {
            return JSON.readValue(json, ChildProtectionView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable child protection view", e);
        }
    }

    private static String json(ChildProtectionView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the child protection view", e);
        }
    }
}
