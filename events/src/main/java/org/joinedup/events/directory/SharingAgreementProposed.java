package org.joinedup.events.directory;


import java.time.Instant;
import java.util.UUID;

/** {@code sharing-agreement-proposed} v1: a directory administrator proposed an agreement between agencies. */
public record SharingAgreementProposed(UUID agreementId, AgreementTerms terms, String proposedBy, Instant occurredAt) implements AgreementEvent {
    @Override
    public String subject() {
        return agreementId.toString();
    }
}
