package org.joinedup.directory.view;

import org.joinedup.events.directory.AgreementTerms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A data-sharing agreement as the directory knows it now. */
public record AgreementView(
        UUID agreementId,
        AgreementTerms terms,
        String status,
        List<Signature> signatures,
        List<String> awaitingSignatureFrom,
        Instant proposedAt,
        Instant activatedAt,
        Instant revokedAt,
        String revocationReason,
        Instant expiredAt,
        int version) {

    /** One party's signature: who signed, in what role, when. */
    public record Signature(String party, String signatoryName, String signatoryRole, Instant signedAt) {
    }

}
