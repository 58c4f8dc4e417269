package org.joinedup.concern.picture.domain;

import org.joinedup.events.concern.BiggerPictureFlagAcknowledged;
import org.joinedup.events.concern.BiggerPictureFlagCleared;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.events.concern.FlagEvent;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.util.UUID;

/**
 * A flag's life: raised (open), acknowledged by a lead, cleared by a lead; each step with who and why.
 * Only an open flag is acknowledged; a cleared flag is closed for good (a new piece of the picture
 * raises a new flag).
 */
public final class FlagDecider implements Decider<FlagCommand, FlagState, FlagEvent> {

    @Override
    public FlagState initialState() {
        return new FlagState.None();
    }

    @Override
    public Decision<FlagEvent> decide(FlagCommand command, FlagState state) {
        return switch (command) {
            case FlagCommand.Raise r when state instanceof FlagState.None -> Decision.accept(new BiggerPictureFlagRaised(
                    r.flagId(), r.childId(), r.rule(), r.concernIds(), r.shareIds(), r.agencies(), r.summary(), r.at()));
            case FlagCommand.Raise r -> Decision.refuse(Refusal.conflict("flag-exists", "flag " + r.flagId() + " was already raised"));
            case FlagCommand.Acknowledge a -> flag(a.flagId(), state)
                    .check(f -> f.status() == FlagState.Status.OPEN, f -> Refusal.conflict("flag-" + f.status().wireName(),
                            "flag " + a.flagId() + " is already " + f.status().wireName()))
                    .then(f -> Decision.accept(new BiggerPictureFlagAcknowledged(a.flagId(), f.raised().childId(), a.reason(),
                            a.actor(), a.at())));
            case FlagCommand.Clear c -> flag(c.flagId(), state)
                    .check(f -> f.status() != FlagState.Status.CLEARED, f -> Refusal.conflict("flag-cleared",
                            "flag " + c.flagId() + " is already cleared"))
                    .then(f -> Decision.accept(new BiggerPictureFlagCleared(c.flagId(), f.raised().childId(), c.reason(),
                            c.actor(), c.at())));
        };
    }

    @Override
    public FlagState evolve(FlagState state, FlagEvent event) {
        return FlagState.evolve(state, event);
    }

    private static Checked<FlagState.Flag> flag(UUID flagId, FlagState state) {
        return state instanceof FlagState.Flag f ? Checked.pass(f) : Checked.stop(Refusal.notFound("no flag " + flagId));
    }
}
