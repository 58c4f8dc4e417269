package org.joinedup.events.directory;


import java.time.Instant;
import java.util.UUID;

/** {@code sharing-agreement-signed} v1: a named signatory signed for one party. */
public record SharingAgreementSigned(UUID agreementId, String partyAgencyId, String signatoryName, String signatoryRole, String recordedBy, Instant occurredAt) implements AgreementEvent {
    @Override
    public String subject() {
        return agreementId.toString();
    }
}
