package org.joinedup.concern.sharing.domain;

import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.concern.ShareEvent;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

/**
 * The rules of a share. A share an active agreement covers goes; without one, only a safeguarding
 * lead may share, as an override with a written justification (recorded on the share, which then names
 * no agreement). The recipient acknowledges it once; anyone else is told it does not exist.
 */
public final class ShareDecider implements Decider<ShareCommand, ShareState, ShareEvent> {
    /** Refused: no agreement covers the share and no override justification was given. */
    public static final String NO_SHARING_AGREEMENT = "no-sharing-agreement";
    /** Refused: an override without a covering agreement is for safeguarding leads. */
    public static final String LEAD_OVERRIDE_ONLY = "lead-override-only";

    @Override
    public ShareState initialState() {
        return new ShareState.None();
    }

    @Override
    public Decision<ShareEvent> decide(ShareCommand command, ShareState state) {
        return switch (command) {
            case ShareCommand.Share s when !(state instanceof ShareState.None) ->
                    Decision.refuse(Refusal.conflict("share-exists", "share " + s.shareId() + " was already recorded"));
            case ShareCommand.Share s -> share(s);
            case ShareCommand.Acknowledge a -> acknowledge(a, state);
        };
    }

    @Override
    public ShareState evolve(ShareState state, ShareEvent event) {
        return ShareState.evolve(state, event);
    }

    private static Decision<ShareEvent> share(ShareCommand.Share s) {
        boolean override = !s.coverage().covered();
        if (override && s.overrideJustification() == null) {
            return Decision.refuse(new Refusal.Forbidden(NO_SHARING_AGREEMENT, "no active data-sharing agreement lets "
                    + s.fromAgency() + " share this with " + s.toAgency() + " for " + s.purpose()
                    + "; a safeguarding lead may share urgently with override.justification", s.coverage().gaps()));
        }
        if (override && !s.sharer().safeguardingLead()) {
            return Decision.refuse(Refusal.forbidden(LEAD_OVERRIDE_ONLY,
                    "only a safeguarding lead may share without a covering agreement"));
        }
        return Decision.accept(new InformationShared(s.shareId(), s.childId(), s.fromAgency(), s.toAgency(), s.concernIds(),
                s.note(), s.purpose(), s.lawfulBasis(), s.consent(), override ? null : s.coverage().agreementId(), override,
                override ? s.overrideJustification() : null, s.sharer().actor(), s.at()));
    }

    private static Decision<ShareEvent> acknowledge(ShareCommand.Acknowledge a, ShareState state) {
        if (!(state instanceof ShareState.Shared s) || !s.shared().toAgency().equals(a.agencyId())) {
            return Decision.refuse(Refusal.notFound("no share " + a.shareId() + " was sent to agency " + a.agencyId()));
        }
        if (s.acknowledged()) {
            return Decision.none();
        }
        return Decision.accept(new InformationShareAcknowledged(a.shareId(), s.shared().childId(), a.agencyId(), a.actor(),
                a.at()));
    }
}
