package org.joinedup.directory.agreement.domain;

import org.joinedup.events.directory.AgreementTerms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What may be asked of a data-sharing agreement's stream ({@code agreement-<agreementId>}). */
public sealed interface AgreementCommand {

    record Propose(UUID agreementId, AgreementTerms terms, String actor, Instant at) implements AgreementCommand {
    }

    /** One party's signature, by a named signatory; signing again for a party that signed records nothing. */
    record Sign(UUID agreementId, String party, String signatoryName, String signatoryRole, String actor, Instant at)
            implements AgreementCommand {
    }

    record Revoke(UUID agreementId, String reason, String actor, Instant at) implements AgreementCommand {
    }

    /** The day has come ({@code today} in England and Wales): an agreement past its valid-to day expires. */
    record Expire(UUID agreementId, LocalDate today, Instant at) implements AgreementCommand {
    }
}
