package org.joinedup.events.directory;


import java.time.Instant;
import java.util.UUID;

/** {@code sharing-agreement-revoked} v1: the agreement ended early, for the reason given. */
public record SharingAgreementRevoked(UUID agreementId, String reason, String revokedBy, Instant occurredAt) implements AgreementEvent {
    @Override
    public String subject() {
        return agreementId.toString();
    }
}
