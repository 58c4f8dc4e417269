package org.joinedup.directory.agreement;

import org.joinedup.events.EventPayload;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;
import org.joinedup.platform.http.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lifecycle of a data-sharing agreement: proposed; signed by a named signatory of each party;
 * active once every party has signed; revoked with a reason, or expired after its valid-to day. Pure.
 */
public final class AgreementDecider {
    private AgreementDecider() {
    }

    public static String streamId(UUID agreementId) {
        return "agreement-" + agreementId;
    }

    public static List<EventPayload> propose(UUID id, AgreementTerms terms, AgreementState state, String actor, Instant now) {
        if (!(state instanceof AgreementState.None)) {
            throw ProblemException.conflict("agreement-exists", "agreement " + id + " already exists");
        }
        return List.of(new SharingAgreementProposed(id, terms, actor, now));
    }

    /**
     * One party's signature. Signing again for a party that signed is a no-op (no event); the last
     * signature also activates the agreement.
     */
    public static List<EventPayload> sign(UUID id, String party, String signatoryName, String signatoryRole,
                                          AgreementState state, String actor, Instant now) {
        AgreementState.Open open = open(id, state);
        if (!open.terms().parties().contains(party)) {
            throw ProblemException.forbidden("agency " + party + " is not a party to agreement " + id);
        }
        if (open.signedBy().contains(party)) {
            return List.of();
        }
        List<EventPayload> events = new ArrayList<>();
        events.add(new SharingAgreementSigned(id, party, signatoryName, signatoryRole, actor, now));
        AgreementState after = AgreementState.evolve(open, events.get(0));
        if (((AgreementState.Open) after).signedByAll()) {
            events.add(new SharingAgreementActivated(id, open.terms(), now));
        }
        return events;
    }

    public static List<EventPayload> revoke(UUID id, String reason, AgreementState state, String actor, Instant now) {
        open(id, state);
        return List.of(new SharingAgreementRevoked(id, reason, actor, now));
    }

    /** Expires an agreement whose valid-to day is before {@code today}; otherwise nothing. */
    public static List<EventPayload> expire(UUID id, AgreementState state, LocalDate today, Instant now) {
        if (state instanceof AgreementState.Open open && open.terms().validTo().isBefore(today)) {
            return List.of(new SharingAgreementExpired(id, open.terms().validTo(), now));
        }
        return List.of();
    }

    private static AgreementState.Open open(UUID id, AgreementState state) {
        if (state instanceof AgreementState.None) {
            throw ProblemException.notFound("no agreement " + id);
        }
        if (state instanceof AgreementState.Ended ended) {
            throw ProblemException.conflict("agreement-" + ended.how(), "agreement " + id + " was " + ended.how());
        }
        return (AgreementState.Open) state;
    }
}
