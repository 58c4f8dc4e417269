package org.joinedup.referral.team;

import org.joinedup.referral.team.domain.TeamDecider;
import org.joinedup.referral.team.domain.TeamState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.referral.clock.Timescales;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The team read model (one row per team, one per action), written in the transaction of each command. */
@ApplicationScoped
public class TeamViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;
    private final Timescales timescales;

    public TeamViews(DataSource dataSource, Timescales timescales) {
        this.dataSource = dataSource;
        this.timescales = timescales;
    }

    /** One of the caller's actions, with the team and child it belongs to. */
    public record OwnedAction(UUID teamId, UUID childId, TeamView.Action action) {
    }

    public void put(TeamState.Team s, Instant now) {
        TeamView view = TeamView.of(s, timescales.days(), now);
        String[] agencies = view.members().stream().filter(m -> m.agencyId() != null).map(TeamView.Member::agencyId)
                .distinct().toArray(String[]::new);
        try {
            Jdbc.update(dataSource, """
                    insert into team_view (team_id, child_id, agencies, next_due_at, version, view, closed_at)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?)
                    on conflict (team_id) do update set agencies = excluded.agencies, next_due_at = excluded.next_due_at,
                        version = excluded.version, view = excluded.view, closed_at = excluded.closed_at""",
                    view.teamId(), view.childId(), agencies,
                    TeamDecider.nextDue(s, timescales.days()).map(Timestamp::from).orElse(null), view.version(), json(view),
                    s.open() ? null : Timestamp.from(s.closed().closedAt()));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw ProblemException.conflict("team-exists", "child " + view.childId() + " already has an open Team Around the Child");
            }
            throw e;
        }
        for (TeamView.Action a : view.actions()) {
            TeamView.Member owner = view.member(a.ownerMemberId());
            Jdbc.update(dataSource, """
                    insert into team_action (action_id, team_id, child_id, owner_agency, owner_practitioner, due_on,
                                             status, overdue, view)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    on conflict (action_id) do update set owner_agency = excluded.owner_agency,
                        owner_practitioner = excluded.owner_practitioner, status = excluded.status,
                        overdue = excluded.overdue, view = excluded.view""",
                    a.actionId(), view.teamId(), view.childId(), owner.agencyId(), owner.practitionerId(),
                    Date.valueOf(a.dueOn()), a.status(), s.action(a.actionId()).orElseThrow().overdueRecorded(), json(a));
        }
    }

    /** The child's open team, if any (closed teams are earlier episodes of early help). */
    public Optional<UUID> teamOfChild(UUID childId) {
        return Jdbc.query(dataSource, "select team_id from team_view where child_id = ? and closed_at is null",
                rs -> rs.getObject(1, UUID.class), childId).stream().findFirst();
    }

    /** Teams, by child; only those with a member of {@code agency} when it is given. */
    public List<TeamView> list(String agency, UUID childId, Instant now, int limit) {
        return list(agency, childId, now, 0, limit);
    }

    /** {@link #list}, from the {@code offset}-th team. */
    public List<TeamView> list(String agency, UUID childId, Instant now, int offset, int limit) {
        return Jdbc.query(dataSource, """
                select view::text from team_view
                where (?::text is null or agencies @> array[?]::text[]) and (?::uuid is null or child_id = ?)
                order by closed_at is not null, team_id offset ? limit ?""", rs -> read(rs.getString(1), TeamView.class).at(timescales.days(), now),
                agency, agency, childId, childId, offset, limit);
    }

    /**
     * Actions owned by a practitioner (or, with {@code practitioner} null, by any practitioner of the
     * agency; with both null, by anyone), optionally only the open ones past their due date.
     */
    public List<OwnedAction> actions(String agency, String practitioner, boolean openOnly, boolean overdueOnly,
                                     Instant now, int limit) {
        return actions(agency, practitioner, openOnly, overdueOnly, now, 0, limit);
    }

    /** {@link #actions}, from the {@code offset}-th action. */
    public List<OwnedAction> actions(String agency, String practitioner, boolean openOnly, boolean overdueOnly,
                                     Instant now, int offset, int limit) {
        return Jdbc.query(dataSource, """
                select team_id, child_id, view::text from team_action
                where (?::text is null or owner_agency = ?) and (?::text is null or owner_practitioner = ?)
                  and (not ? or status = 'open') and (not ? or (status = 'open' and due_on < ?))
                order by due_on, action_id offset ? limit ?""",
                rs -> new OwnedAction(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        read(rs.getString(3), TeamView.Action.class).at(timescales.days(), now)),
                agency, agency, practitioner, practitioner, openOnly, overdueOnly,
                Date.valueOf(timescales.days().date(now)), offset, limit);
    }

    /** Teams whose next action or review has fallen due by {@code now}: the sweep records them overdue. */
    public List<UUID> due(Instant now, int limit) {
        return Jdbc.query(dataSource, "select team_id from team_view where next_due_at <= ? order by next_due_at limit ?",
                rs -> rs.getObject(1, UUID.class), Timestamp.from(now), limit);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the team view", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable team view", e);
        }
    }
}
