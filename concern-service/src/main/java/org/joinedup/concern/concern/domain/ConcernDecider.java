package org.joinedup.concern.concern.domain;

import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernAmended;
import org.joinedup.events.concern.ConcernEvent;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.ConcernWithdrawn;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.util.UUID;

/**
 * The rules of one concern: it is raised once; only its raising agency amends or withdraws it (any
 * other agency is told it does not exist, so its existence is not disclosed); a withdrawn concern no
 * longer changes. Amendments and withdrawals are new facts: nothing is edited in place.
 */
public final class ConcernDecider implements Decider<ConcernCommand, ConcernState, ConcernEvent> {

    @Override
    public ConcernState initialState() {
        return new ConcernState.None();
    }

    @Override
    public Decision<ConcernEvent> decide(ConcernCommand command, ConcernState state) {
        return switch (command) {
            case ConcernCommand.Raise r when state instanceof ConcernState.None -> Decision.accept(raised(r));
            case ConcernCommand.Raise r -> Decision.refuse(Refusal.conflict("concern-exists",
                    "concern " + r.concernId() + " was already raised"));
            case ConcernCommand.Amend a -> ownOpen(a.concernId(), a.agencyId(), state).then(raised -> Decision.accept(
                    new ConcernAmended(a.concernId(), raised.raised().childId(), a.agencyId(), a.actor(), a.reason(),
                            a.changes(), a.at())));
            case ConcernCommand.Withdraw w -> ownOpen(w.concernId(), w.agencyId(), state).then(raised -> Decision.accept(
                    new ConcernWithdrawn(w.concernId(), raised.raised().childId(), w.agencyId(), w.actor(), w.reason(),
                            w.at())));
        };
    }

    @Override
    public ConcernState evolve(ConcernState state, ConcernEvent event) {
        return ConcernState.evolve(state, event);
    }

    private static ConcernRaised raised(ConcernCommand.Raise r) {
        RaiseConcern c = r.concern();
        return new ConcernRaised(c.concernId(), r.childId(), c.agencyId(), c.practitionerId(), c.child(),
                c.category().wireName(), c.wellbeingIndicators().stream().map(WireNamed::wireName).toList(),
                c.riskLevel().wireName(), c.description(), c.childsVoice(), c.occurredAt(), r.at());
    }

    /** The concern, if it exists and belongs to the agency (not found otherwise); a conflict when withdrawn. */
    private static Checked<ConcernState.Raised> ownOpen(UUID concernId, String agencyId, ConcernState state) {
        if (!(state instanceof ConcernState.Raised raised) || !raised.raised().agencyId().equals(agencyId)) {
            return Checked.stop(Refusal.notFound("no concern " + concernId + " is visible to agency " + agencyId));
        }
        return Checked.pass(raised).check(r -> !r.withdrawn(),
                r -> Refusal.conflict("concern-withdrawn", "concern " + concernId + " was withdrawn"));
    }
}
