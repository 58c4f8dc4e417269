package org.joinedup.directory.agreement;

import org.joinedup.events.EventPayload;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;

import java.util.HashSet;
import java.util.List;
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

    static AgreementState fold(List<? extends EventPayload> events) {
        AgreementState state = new None();
        for (EventPayload e : events) {
            state = evolve(state, e);
        }
        return state;
    }

    static AgreementState evolve(AgreementState state, EventPayload e) {
        if (e instanceof SharingAgreementProposed p && state instanceof None) {
            return new Open(p.terms(), Set.of(), false);
        }
        if (state instanceof Open open) {
            if (e instanceof SharingAgreementSigned s) {
                Set<String> signed = new HashSet<>(open.signedBy());
                signed.add(s.partyAgencyId());
                return new Open(open.terms(), signed, open.active());
            }
            if (e instanceof SharingAgreementActivated) {
                return new Open(open.terms(), open.signedBy(), true);
            }
            if (e instanceof SharingAgreementRevoked) {
                return new Ended(open.terms(), "revoked");
            }
            if (e instanceof SharingAgreementExpired) {
                return new Ended(open.terms(), "expired");
            }
        }
        throw new IllegalStateException(e.eventType().typeName() + " cannot follow " + state.getClass().getSimpleName());
    }
}
