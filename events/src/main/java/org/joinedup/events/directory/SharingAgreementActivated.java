package org.joinedup.events.directory;


import java.time.Instant;
import java.util.UUID;

/** {@code sharing-agreement-activated} v1: every party has signed; the agreement is in force within its dates. Carries the terms, so a projection of active agreements needs no other event. */
public record SharingAgreementActivated(UUID agreementId, AgreementTerms terms, Instant occurredAt) implements AgreementEvent {
    @Override
    public String subject() {
        return agreementId.toString();
    }
}
