package org.joinedup.concern.access.domain;

import org.joinedup.events.access.EmergencyAccessAcknowledged;
import org.joinedup.events.access.EmergencyAccessEvent;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

/**
 * Break-glass, never silent: a grant names every agency it tells; each of them (and only they)
 * acknowledges its notice, once.
 */
public final class EmergencyAccessDecider
        implements Decider<EmergencyAccessCommand, EmergencyAccessState, EmergencyAccessEvent> {

    @Override
    public EmergencyAccessState initialState() {
        return new EmergencyAccessState.None();
    }

    @Override
    public Decision<EmergencyAccessEvent> decide(EmergencyAccessCommand command, EmergencyAccessState state) {
        return switch (command) {
            case EmergencyAccessCommand.Grant g when state instanceof EmergencyAccessState.None -> Decision.accept(
                    new EmergencyAccessGranted(g.grantId(), g.childId(), g.agencyId(), g.actor(), g.justification(), g.at(),
                            g.expiresAt(), g.told()));
            case EmergencyAccessCommand.Grant g -> Decision.refuse(Refusal.conflict("grant-exists",
                    "grant " + g.grantId() + " was already recorded"));
            case EmergencyAccessCommand.Acknowledge a -> acknowledge(a, state);
        };
    }

    @Override
    public EmergencyAccessState evolve(EmergencyAccessState state, EmergencyAccessEvent event) {
        return EmergencyAccessState.evolve(state, event);
    }

    private static Decision<EmergencyAccessEvent> acknowledge(EmergencyAccessCommand.Acknowledge a, EmergencyAccessState state) {
        if (!(state instanceof EmergencyAccessState.Granted g) || !g.granted().notifiedAgencies().contains(a.agencyId())) {
            return Decision.refuse(Refusal.notFound("no emergency access notice " + a.grantId() + " for agency " + a.agencyId()));
        }
        if (g.acknowledgedBy().contains(a.agencyId())) {
            return Decision.none();
        }
        return Decision.accept(new EmergencyAccessAcknowledged(a.grantId(), g.granted().childId(), a.agencyId(), a.actor(),
                a.at()));
    }
}
