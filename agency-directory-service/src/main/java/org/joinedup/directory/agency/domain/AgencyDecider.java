package org.joinedup.directory.agency.domain;

import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyEvent;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

/** The rules of an agency: registered once under an id that never changes; updated and deactivated while active. */
public final class AgencyDecider implements Decider<AgencyCommand, AgencyState, AgencyEvent> {

    @Override
    public AgencyState initialState() {
        return new AgencyState.None();
    }

    @Override
    public AgencyState evolve(AgencyState state, AgencyEvent event) {
        return AgencyState.evolve(state, event);
    }

    @Override
    public Decision<AgencyEvent> decide(AgencyCommand command, AgencyState state) {
        return switch (command) {
            case AgencyCommand.Register r when state instanceof AgencyState.None -> Decision.accept(registered(r.details(),
                    r.actor(), r));
            case AgencyCommand.Register r -> Decision.refuse(Refusal.conflict("agency-exists",
                    "an agency with id " + r.details().agencyId() + " is already registered"));
            case AgencyCommand.Update u -> active(u.details().agencyId(), state).then(a -> Decision.accept(new AgencyUpdated(
                    u.details().agencyId(), u.details().name(), u.details().kind(), u.details().area(), u.details().contact(),
                    u.details().clientIds(), u.actor(), u.at(), u.details().frontDoorFor())));
            case AgencyCommand.Deactivate d -> active(d.agencyId(), state).then(a -> Decision.accept(
                    new AgencyDeactivated(d.agencyId(), d.reason(), d.actor(), d.at())));
        };
    }

    private static AgencyEvent registered(AgencyDetails d, String actor, AgencyCommand.Register r) {
        return new AgencyRegistered(d.agencyId(), d.name(), d.kind(), d.area(), d.contact(), d.clientIds(), actor, r.at(),
                d.frontDoorFor());
    }

    private static Checked<AgencyState> active(String agencyId, AgencyState state) {
        return switch (state) {
            case AgencyState.None n -> Checked.stop(Refusal.notFound("no agency " + agencyId));
            case AgencyState.Deactivated d -> Checked.stop(Refusal.conflict("agency-deactivated",
                    "agency " + agencyId + " is deactivated"));
            case AgencyState.Active a -> Checked.pass(a);
        };
    }
}
