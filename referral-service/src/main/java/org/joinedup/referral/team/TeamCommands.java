package org.joinedup.referral.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.team.TeamEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.Refused;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.team.domain.TeamCommand;
import org.joinedup.referral.team.domain.TeamDecider;
import org.joinedup.referral.team.domain.TeamState;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Runs Team Around the Child commands through the {@link CommandHandler}, keeping the team's read model in the same transaction. */
@ApplicationScoped
public class TeamCommands {
    private final CommandHandler handler;
    private final TeamViews views;
    private final StreamKind<TeamCommand, TeamState, TeamEvent> teams;

    public TeamCommands(CommandHandler handler, TeamViews views, Timescales timescales) {
        this.handler = handler;
        this.views = views;
        this.teams = StreamKind.of("team-", TeamEvent.class, new TeamDecider(timescales.days()))
                .keeping((state, appended) -> views.put((TeamState.Team) state, appended.get(0).recordedAt()));
    }

    /** Forms a team for a child; a conflict while the child has an open one (one episode of early help at a time). */
    @Transactional
    public TeamState.Team form(EventMetadata meta, Function<Instant, TeamCommand.Form> command) {
        Instant now = handler.now();
        TeamCommand.Form form = command.apply(now);
        views.teamOfChild(form.childId()).ifPresent(existing -> {
            throw new Refused(Refusal.conflict("team-exists",
                    "child " + form.childId() + " already has a Team Around the Child (" + existing + ")"));
        });
        return (TeamState.Team) handler.start(teams, form.teamId(), meta, now, form).state();
    }

    /**
     * A change to a team, at the version the caller expects; the command is made knowing the team as it
     * now is (a caller's right to coordinate it is checked on the same fold).
     */
    @Transactional
    public Handled<TeamState> change(UUID teamId, ExpectedVersion expected, EventMetadata meta,
                                     BiFunction<TeamState, Instant, TeamCommand> command) {
        return handler.handle(teams, teamId, expected, meta, command);
    }

    /**
     * Records the team's actions and review that have fallen overdue by now (the sweep calls this).
     *
     * @return how many overdue events were recorded
     */
    @Transactional
    public int recordOverdue(UUID teamId) {
        EventMetadata meta = new EventMetadata("referral-service", null, UUID.randomUUID(), null);
        return handler.handle(teams, teamId, ExpectedVersion.any(), meta, TeamCommand.RecordOverdue::new).appended().size();
    }

    public TeamState state(UUID teamId) {
        return handler.read(teams, teamId).state();
    }
}
