package org.joinedup.directory.agreement.domain;

import org.joinedup.events.directory.AgreementEvent;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given an agreement's past events, when it is proposed, signed, revoked or its day passes, then these events. */
class AgreementDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final UUID ID = UUID.randomUUID();
    static final AgreementTerms TERMS = new AgreementTerms("Haringey MASH protocol", List.of("met-police", "haringey-csc"),
            List.of("neglect"), List.of("safeguarding"), "public-task", "safeguarding-of-children", "collaboration", "monthly",
            LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), LocalDate.parse("2027-06-30"));

    final DeciderSpec<AgreementCommand, AgreementState, AgreementEvent> agreement = DeciderSpec.of(new AgreementDecider());

    AgreementCommand.Sign sign(String party) {
        return new AgreementCommand.Sign(ID, party, "A Signatory", "Director", "admin-1", NOW);
    }

    @Test
    void proposed_once_then_active_when_the_last_party_signs() {
        agreement.when(new AgreementCommand.Propose(ID, TERMS, "admin-1", NOW))
                .then(new SharingAgreementProposed(ID, TERMS, "admin-1", NOW));
        agreement.when(new AgreementCommand.Propose(ID, TERMS, "admin-1", NOW)).conflict("agreement-exists");
        agreement.when(sign("met-police"))
                .then(new SharingAgreementSigned(ID, "met-police", "A Signatory", "Director", "admin-1", NOW));
        agreement.when(sign("met-police")).thenNothing();
        agreement.when(sign("haringey-csc")).then(
                new SharingAgreementSigned(ID, "haringey-csc", "A Signatory", "Director", "admin-1", NOW),
                new SharingAgreementActivated(ID, TERMS, NOW));
        assertTrue(((AgreementState.Open) agreement.state()).active());
    }

    @Test
    void only_a_party_signs() {
        agreement.givenAccepted(new AgreementCommand.Propose(ID, TERMS, "admin-1", NOW));
        agreement.when(sign("northside-primary")).forbidden(AgreementDecider.PARTIES_ONLY);
    }

    @Test
    void a_revoked_or_expired_agreement_changes_no_more() {
        agreement.givenAccepted(new AgreementCommand.Propose(ID, TERMS, "admin-1", NOW));
        agreement.when(new AgreementCommand.Expire(ID, LocalDate.parse("2027-12-31"), NOW)).thenNothing();
        agreement.when(new AgreementCommand.Expire(ID, LocalDate.parse("2028-01-01"), NOW))
                .then(new SharingAgreementExpired(ID, LocalDate.parse("2027-12-31"), NOW));
        agreement.when(sign("met-police")).conflict("agreement-expired");
        agreement.when(new AgreementCommand.Expire(ID, LocalDate.parse("2028-01-02"), NOW)).thenNothing();

        DeciderSpec<AgreementCommand, AgreementState, AgreementEvent> revoked = DeciderSpec.of(new AgreementDecider());
        revoked.givenAccepted(new AgreementCommand.Propose(ID, TERMS, "admin-1", NOW));
        revoked.when(new AgreementCommand.Revoke(ID, "superseded", "admin-1", NOW))
                .then(new SharingAgreementRevoked(ID, "superseded", "admin-1", NOW));
        revoked.when(new AgreementCommand.Revoke(ID, "again", "admin-1", NOW)).conflict("agreement-revoked");
    }

    @Test
    void an_unknown_agreement_is_not_found() {
        agreement.when(sign("met-police")).notFound();
        agreement.when(new AgreementCommand.Revoke(ID, "x", "admin-1", NOW)).notFound();
    }
}
