package org.joinedup.referral.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventPayload;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.StoredEvent;
import org.joinedup.referral.clock.Timescales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** Carries out Team Around the Child commands: decide, append, refresh the read model, in one transaction. */
@ApplicationScoped
public class TeamCommands {
    private final EventStore store;
    private final TeamViews views;
    private final Timescales timescales;

    public TeamCommands(EventStore store, TeamViews views, Timescales timescales) {
        this.store = store;
        this.views = views;
        this.timescales = timescales;
    }

    /** Forms a team for a child; 409 when the child already has one. */
    @Transactional
    public TeamState form(UUID teamId, UUID childId, UUID referralId, List<TeamMember> members, UUID lead, String leadReason,
                          int reviewEveryWeeks, TeamDecider.Actor actor, EventMetadata meta) {
        return form(teamId, childId, referralId, members, lead, leadReason, reviewEveryWeeks, null, actor, meta);
    }

    /** Forms a team working from an early help assessment (null: none). */
    @Transactional
    public TeamState form(UUID teamId, UUID childId, UUID referralId, List<TeamMember> members, UUID lead, String leadReason,
                          int reviewEveryWeeks, UUID assessmentId, TeamDecider.Actor actor, EventMetadata meta) {
        views.teamOfChild(childId).ifPresent(existing -> {
            throw org.joinedup.platform.http.ProblemException.conflict("team-exists",
                    "child " + childId + " already has a Team Around the Child (" + existing + ")");
        });
        return change(teamId, null, meta, (s, now) -> TeamDecider.form(teamId, childId, referralId, members, lead, leadReason,
                reviewEveryWeeks, assessmentId, actor, s, timescales.days(), now));
    }

    @Transactional
    public TeamState change(UUID teamId, String ifMatch, EventMetadata meta,
                            BiFunction<TeamState, Instant, List<EventPayload>> decider) {
        return apply(teamId, ifMatch, meta, decider).state();
    }

    /**
     * Records the team's actions and review that have fallen overdue by now (the sweep calls this).
     *
     * @return how many overdue events were recorded
     */
    @Transactional
    public int recordOverdue(UUID teamId) {
        EventMetadata meta = new EventMetadata("referral-service", null, UUID.randomUUID(), null);
        return apply(teamId, null, meta, (s, now) -> TeamDecider.overdue(s, timescales.days(), now)).appended();
    }

    private record Applied(TeamState state, int appended) {
    }

    /** Decide, append, and refresh the read model from the stream as it now is (read once). */
    private Applied apply(UUID teamId, String ifMatch, EventMetadata meta,
                          BiFunction<TeamState, Instant, List<EventPayload>> decider) {
        EventStore.Decision d = store.decision(TeamDecider.streamId(teamId), ifMatch, meta,
                (past, now) -> decider.apply(TeamState.fold(past), now));
        TeamState s = TeamState.fold(d.events());
        if (d.changed()) {
            views.put(s, d.appended().get(0).recordedAt());
        }
        return new Applied(s, d.appended().size());
    }

    public TeamState state(UUID teamId) {
        return TeamState.fold(store.readStream(TeamDecider.streamId(teamId)).stream().map(StoredEvent::payload).toList());
    }
}
