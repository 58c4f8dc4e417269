package org.joinedup.directory.agreement.domain;

import org.joinedup.events.directory.AgreementEvent;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;

import java.util.HashSet;
import java.util.Set;

/** An agreement's state, folded from its events. */
public sealed interface AgreementState {

    record None() implements AgreementState {
    }

    /** Proposed, or active once every party signed. */
    record Open(AgreementTerms terms, Set<String> signedBy, boolean active) implements AgreementState {
        public Open {
            signedBy = Set.copyOf(signedBy);
        }

        boolean signedByAll() {
            return signedBy.containsAll(terms.parties());
        }
    }

    /** Revoked or expired: nothing more can happen to it. */
    record Ended(AgreementTerms terms, String how) implements AgreementState {
    }

    static AgreementState evolve(AgreementState state, AgreementEvent event) {
        return switch (event) {
            case SharingAgreementProposed p when state instanceof None -> new Open(p.terms(), Set.of(), false);
            case SharingAgreementSigned s when state instanceof Open open -> {
                Set<String> signed = new HashSet<>(open.signedBy());
                signed.add(s.partyAgencyId());
                yield new Open(open.terms(), signed, open.active());
            }
            case SharingAgreementActivated a when state instanceof Open open -> new Open(open.terms(), open.signedBy(), true);
            case SharingAgreementRevoked r when state instanceof Open open -> new Ended(open.terms(), "revoked");
            case SharingAgreementExpired e when state instanceof Open open -> new Ended(open.terms(), "expired");
            case SharingAgreementProposed p -> throw cannotFollow(p, state);
            case SharingAgreementSigned s -> throw cannotFollow(s, state);
            case SharingAgreementActivated a -> throw cannotFollow(a, state);
            case SharingAgreementRevoked r -> throw cannotFollow(r, state);
            case SharingAgreementExpired e -> throw cannotFollow(e, state);
        };
    }

    private static IllegalStateException cannotFollow(AgreementEvent event, AgreementState state) {
        return new IllegalStateException(event.eventType().typeName() + " cannot follow " + state.getClass().getSimpleName());
    }
}
