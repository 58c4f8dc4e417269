package org.joinedup.directory.agreement.domain;

import org.joinedup.events.directory.AgreementEvent;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lifecycle of a data-sharing agreement: proposed; signed by a named signatory of each party;
 * active once every party has signed; revoked with a reason, or expired after its valid-to day.
 */
public final class AgreementDecider implements Decider<AgreementCommand, AgreementState, AgreementEvent> {
    /** Refused: only the agreement's parties sign it. */
    public static final String PARTIES_ONLY = "parties-only";

    @Override
    public AgreementState initialState() {
        return new AgreementState.None();
    }

    @Override
    public AgreementState evolve(AgreementState state, AgreementEvent event) {
        return AgreementState.evolve(state, event);
    }

    @Override
    public Decision<AgreementEvent> decide(AgreementCommand command, AgreementState state) {
        return switch (command) {
            case AgreementCommand.Propose p when state instanceof AgreementState.None -> Decision.accept(
                    new SharingAgreementProposed(p.agreementId(), p.terms(), p.actor(), p.at()));
            case AgreementCommand.Propose p -> Decision.refuse(Refusal.conflict("agreement-exists",
                    "agreement " + p.agreementId() + " already exists"));
            case AgreementCommand.Sign s -> sign(s, state);
            case AgreementCommand.Revoke r -> open(r.agreementId(), state).then(o -> Decision.accept(
                    new SharingAgreementRevoked(r.agreementId(), r.reason(), r.actor(), r.at())));
            case AgreementCommand.Expire e -> state instanceof AgreementState.Open o && o.terms().validTo().isBefore(e.today())
                    ? Decision.accept(new SharingAgreementExpired(e.agreementId(), o.terms().validTo(), e.at()))
                    : Decision.none();
        };
    }

    /** One party's signature; the last signature also activates the agreement. */
    private Decision<AgreementEvent> sign(AgreementCommand.Sign s, AgreementState state) {
        return open(s.agreementId(), state)
                .check(o -> o.terms().parties().contains(s.party()), o -> Refusal.forbidden(PARTIES_ONLY,
                        "agency " + s.party() + " is not a party to agreement " + s.agreementId()))
                .then(o -> {
                    if (o.signedBy().contains(s.party())) {
                        return Decision.none();
                    }
                    List<AgreementEvent> events = new ArrayList<>();
                    SharingAgreementSigned signed = new SharingAgreementSigned(s.agreementId(), s.party(), s.signatoryName(),
                            s.signatoryRole(), s.actor(), s.at());
                    events.add(signed);
                    if (((AgreementState.Open) evolve(o, signed)).signedByAll()) {
                        events.add(new SharingAgreementActivated(s.agreementId(), o.terms(), s.at()));
                    }
                    return Decision.accept(events);
                });
    }

    private static Checked<AgreementState.Open> open(UUID id, AgreementState state) {
        return switch (state) {
            case AgreementState.None n -> Checked.stop(Refusal.notFound("no agreement " + id));
            case AgreementState.Ended e -> Checked.stop(Refusal.conflict("agreement-" + e.how(), "agreement " + id + " was "
                    + e.how()));
            case AgreementState.Open o -> Checked.pass(o);
        };
    }
}
