package org.joinedup.referral.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.referral.clock.Timescales;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    public void put(TeamState s, Instant now) {
        TeamView view = TeamView.of(s, timescales.days(), now);
        String[] agencies = view.members().stream().filter(m -> m.agencyId() != null).map(TeamView.Member::agencyId)
                .distinct().toArray(String[]::new);
        try (Connection c = dataSource.getConnection();
             PreparedStatement team = c.prepareStatement("""
                     insert into team_view (team_id, child_id, agencies, next_due_at, version, view)
                     values (?, ?, ?, ?, ?, ?::jsonb)
                     on conflict (team_id) do update set agencies = excluded.agencies, next_due_at = excluded.next_due_at,
                         version = excluded.version, view = excluded.view""");
             PreparedStatement action = c.prepareStatement("""
                     insert into team_action (action_id, team_id, child_id, owner_agency, owner_practitioner, due_on,
                                              status, overdue, view)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                     on conflict (action_id) do update set owner_agency = excluded.owner_agency,
                         owner_practitioner = excluded.owner_practitioner, status = excluded.status,
                         overdue = excluded.overdue, view = excluded.view""")) {
            team.setObject(1, view.teamId());
            team.setObject(2, view.childId());
            team.setArray(3, c.createArrayOf("text", agencies));
            team.setTimestamp(4, TeamDecider.nextDue(s, timescales.days()).map(Timestamp::from).orElse(null));
            team.setInt(5, view.version());
            team.setString(6, JSON.writeValueAsString(view));
            team.executeUpdate();
            for (TeamView.Action a : view.actions()) {
                TeamView.Member owner = view.members().stream().filter(m -> m.memberId().equals(a.ownerMemberId()))
                        .findFirst().orElseThrow();
                action.setObject(1, a.actionId());
                action.setObject(2, view.teamId());
                action.setObject(3, view.childId());
                action.setString(4, owner.agencyId());
                action.setString(5, owner.practitionerId());
                action.setDate(6, Date.valueOf(a.dueOn()));
                action.setString(7, a.status());
                action.setBoolean(8, s.action(a.actionId()).orElseThrow().overdueRecorded());
                action.setString(9, JSON.writeValueAsString(a));
                action.addBatch();
            }
            action.executeBatch();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("child_id")) {
                throw ProblemException.conflict("team-exists", "child " + view.childId() + " already has a Team Around the Child");
            }
            throw failed(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the team view", e);
        }
    }

    public Optional<UUID> teamOfChild(UUID childId) {
        return ids("select team_id from team_view where child_id = ?", childId).stream().findFirst();
    }

    /** Teams, by child; only those with a member of {@code agency} when it is given. */
    public List<TeamView> list(String agency, UUID childId, Instant now, int limit) {
        List<TeamView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select view::text from team_view
                     where (?::text is null or agencies @> array[?]::text[]) and (?::uuid is null or child_id = ?)
                     order by team_id limit ?""")) {
            ps.setString(1, agency);
            ps.setString(2, agency);
            ps.setObject(3, childId);
            ps.setObject(4, childId);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(JSON.readValue(rs.getString(1), TeamView.class).at(timescales.days(), now));
                }
            }
            return views;
        } catch (SQLException e) {
            throw failed(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable team view", e);
        }
    }

    /**
     * Actions owned by a practitioner (or, with {@code practitioner} null, by any practitioner of the
     * agency; with both null, by anyone), optionally only the open ones past their due date.
     */
    public List<OwnedAction> actions(String agency, String practitioner, boolean openOnly, boolean overdueOnly,
                                     Instant now, int limit) {
        List<OwnedAction> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select team_id, child_id, view::text from team_action
                     where (?::text is null or owner_agency = ?) and (?::text is null or owner_practitioner = ?)
                       and (not ? or status = 'open') and (not ? or (status = 'open' and due_on < ?))
                     order by due_on, action_id limit ?""")) {
            ps.setString(1, agency);
            ps.setString(2, agency);
            ps.setString(3, practitioner);
            ps.setString(4, practitioner);
            ps.setBoolean(5, openOnly);
            ps.setBoolean(6, overdueOnly);
            ps.setDate(7, Date.valueOf(timescales.days().date(now)));
            ps.setInt(8, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TeamView.Action a = JSON.readValue(rs.getString(3), TeamView.Action.class);
                    boolean overdue = "open".equals(a.status()) && !now.isBefore(timescales.days().endOf(a.dueOn()));
                    found.add(new OwnedAction(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            new TeamView.Action(a.actionId(), a.description(), a.ownerMemberId(), a.dueOn(), a.status(),
                                    overdue, a.history())));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failed(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable action view", e);
        }
    }

    /** Teams whose next action or review has fallen due by {@code now}: the sweep records them overdue. */
    public List<UUID> due(Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select team_id from team_view where next_due_at <= ? order by next_due_at limit ?")) {
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

    private List<UUID> ids(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
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

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("could not use the team views (SQLState " + e.getSQLState() + ")", e);
    }
}
