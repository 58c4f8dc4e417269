package org.joinedup.referral.care;

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

/**
 * The care episodes read model (child in need plans, looked-after episodes, police protections): one row per
 * episode, written in the transaction of the command that changed it.
 */
@ApplicationScoped
public class CareViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public CareViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param nextDueAt when the sweep must next look at the episode, or null */
    public void put(CareEpisodeView view, Instant nextDueAt) {
        Jdbc.update(dataSource, """
                insert into care_episode (episode_id, kind, child_id, local_authority, police_agency, status, started_at,
                                          next_due_at, version, view)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (episode_id) do update set status = excluded.status, next_due_at = excluded.next_due_at,
                    version = excluded.version, view = excluded.view""",
                view.id(), view.kind(), view.childId(), view.localAuthority(), view.policeAgency(), view.status(),
                Timestamp.from(view.startedAt()), nextDueAt == null ? null : Timestamp.from(nextDueAt), view.version(),
                json(view));
    }

    public Optional<CareEpisodeView> get(String kind, UUID id) {
        return Jdbc.query(dataSource, "select view::text from care_episode where episode_id = ? and kind = ?",
                rs -> view(rs.getString(1)), id, kind).stream().findFirst();
    }

    /** A child record's episodes of one kind, newest first. */
    public List<CareEpisodeView> ofChild(String kind, UUID childId, int limit) {
        return Jdbc.query(dataSource, """
                select view::text from care_episode where child_id = ? and kind = ?
                order by started_at desc, episode_id limit ?""", rs -> view(rs.getString(1)), childId, kind, limit);
    }

    /** Episodes of one kind with a deadline run out by {@code now}: the sweep records them. */
    public List<UUID> due(String kind, Instant now, int limit) {
        return Jdbc.query(dataSource, """
                select episode_id from care_episode where kind = ? and next_due_at <= ? order by next_due_at limit ?""",
                rs -> rs.getObject(1, UUID.class), kind, Timestamp.from(now), limit);
    }

    private static CareEpisodeView view(String json) {
        try {
            return JSON.readValue(json, CareEpisodeView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable care episode view", e);
        }
    }

    private static String json(CareEpisodeView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the care episode view", e);
        }
    }
}
