package org.joinedup.directory.view;

import org.joinedup.events.directory.AgreementTerms;

import java.time.Instant;
import java.util.UUID;

/**
 * An agreement's terms and the moments that decide whether it is in force.
 *
 * @param activatedAt when the last party signed (null while any party has not)
 * @param revokedAt   when it was revoked (null if it was not)
 */
public record AgreementStatus(UUID agreementId, AgreementTerms terms, Instant activatedAt, Instant revokedAt) {
}
