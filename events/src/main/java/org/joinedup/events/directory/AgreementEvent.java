package org.joinedup.events.directory;

import org.joinedup.events.EventPayload;

/**
 * The events of one data-sharing agreement's stream ({@code agreement-<agreementId>}): proposed, signed by each party, active, then revoked or expired. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface AgreementEvent extends EventPayload
        permits SharingAgreementProposed, SharingAgreementSigned, SharingAgreementActivated, SharingAgreementRevoked, SharingAgreementExpired {
}
