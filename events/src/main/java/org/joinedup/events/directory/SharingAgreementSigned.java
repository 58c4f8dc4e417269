package org.joinedup.events.directory;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/** {@code sharing-agreement-signed} v1: a named signatory signed for one party. */
public record SharingAgreementSigned(UUID agreementId, String partyAgencyId, String signatoryName, String signatoryRole, String recordedBy, Instant occurredAt) implements EventPayload {
    @Override
    public String subject() {
        return agreementId.toString();
    }
}
