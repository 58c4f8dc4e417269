package org.joinedup.referral.earlyhelp;

import org.joinedup.referral.earlyhelp.domain.AssessmentState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventJson;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The early help assessment read model (one row per assessment), written in the transaction of each command. */
@ApplicationScoped
public class AssessmentViews {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataSource dataSource;

    public AssessmentViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The assessment as it now is, keeping the team that works from it. */
    public void put(AssessmentState.Assessment s) {
        UUID team = teamOf(s.started().assessmentId()).orElse(null);
        AssessmentView view = AssessmentView.of(s, team);
        Jdbc.update(dataSource, """
                insert into early_help_assessment_view (assessment_id, child_id, agency_id, status, team_id, started_at,
                                                        version, view)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (assessment_id) do update set status = excluded.status, version = excluded.version,
                    view = excluded.view""",
                view.assessmentId(), view.childId(), view.startedByAgency(), view.status(), team,
                Timestamp.from(view.startedAt()), view.version(), json(view));
    }

    /** A team now works from the assessment (a later link replaces an earlier one). */
    public void linkTeam(UUID assessmentId, UUID teamId) {
        Jdbc.update(dataSource, "update early_help_assessment_view set team_id = null where team_id = ? and assessment_id <> ?",
                teamId, assessmentId);
        Jdbc.update(dataSource, "update early_help_assessment_view set team_id = ? where assessment_id = ?", teamId, assessmentId);
    }

    public Optional<UUID> teamOf(UUID assessmentId) {
        return Jdbc.query(dataSource, "select team_id from early_help_assessment_view where assessment_id = ?",
                rs -> rs.getObject(1, UUID.class), assessmentId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Assessments, newest first: of one child when {@code childId} is given; with {@code agency}, only those
     * it started or whose team it is in ({@code teamsOfAgency}).
     */
    public List<AssessmentView> list(UUID childId, String agency, List<UUID> teamsOfAgency, int offset, int limit) {
        return Jdbc.query(dataSource, """
                select view::text, team_id from early_help_assessment_view
                where (?::uuid is null or child_id = ?)
                  and (?::text is null or agency_id = ? or team_id = any(?::uuid[]))
                order by started_at desc, assessment_id offset ? limit ?""",
                rs -> read(rs.getString(1)).withTeam(rs.getObject(2, UUID.class)), childId, childId, agency, agency,
                teamsOfAgency.stream().map(UUID::toString).toArray(String[]::new), offset, limit);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the assessment view", e);
        }
    }

    private static AssessmentView read(String json) {
        try {
            return JSON.readValue(json, AssessmentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable assessment view", e);
        }
    }
}
