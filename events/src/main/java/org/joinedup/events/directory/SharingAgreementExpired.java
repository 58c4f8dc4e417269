package org.joinedup.events.directory;


import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code sharing-agreement-expired} v1: the agreement's valid-to date has passed. */
public record SharingAgreementExpired(UUID agreementId, LocalDate validTo, Instant occurredAt) implements AgreementEvent {
    @Override
    public String subject() {
        return agreementId.toString();
    }
}
