package org.joinedup.directory.view;

import org.joinedup.events.directory.AgreementTerms;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sharing rule at its edges. Dates are England and Wales calendar days, both ends inclusive. */
class SharingPolicyTest {
    static final UUID ID = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    static final AgreementTerms TERMS = new AgreementTerms("Haringey MASH protocol",
            List.of("met-police", "haringey-csc", "whittington-health"),
            List.of("neglect", "domestic-abuse", "referral"), List.of("safeguarding", "child-protection-enquiry"),
            "public-task", "DPA 2018 Sch. 1 para 18", "collaboration", "monthly",
            LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), LocalDate.of(2026, 10, 1));
    static final Instant SIGNED = Instant.parse("2026-03-20T10:00:00Z");
    static final AgreementStatus ACTIVE = new AgreementStatus(ID, TERMS, SIGNED, null);

    static SharingPolicy.Decision ask(String category, String purpose, Instant at, AgreementStatus... agreements) {
        return SharingPolicy.decide(new SharingPolicy.Question("met-police", "haringey-csc", category, purpose, at),
                List.of(agreements));
    }

    @Test
    void an_active_agreement_covering_category_and_purpose_allows_and_names_itself() {
        SharingPolicy.Decision d = ask("neglect", "safeguarding", Instant.parse("2026-06-15T12:00:00Z"), ACTIVE);
        assertTrue(d.allowed());
        assertEquals(ID, d.agreementId());
        assertEquals(List.of(), d.reasons());
    }

    @Test
    void the_day_before_valid_from_is_refused_even_late_in_the_evening_in_london() {
        // 2026-03-31T22:59Z is 23:59 on 31 March in London (BST): still the day before.
        SharingPolicy.Decision d = ask("neglect", "safeguarding", Instant.parse("2026-03-31T22:59:00Z"), ACTIVE);
        assertFalse(d.allowed());
        assertTrue(d.reasons().get(0).contains("valid only from 2026-04-01"), d.reasons().toString());
        // 23:00Z on 31 March is already 1 April in London.
        assertTrue(ask("neglect", "safeguarding", Instant.parse("2026-03-31T23:00:00Z"), ACTIVE).allowed());
    }

    @Test
    void the_last_valid_day_is_allowed_until_its_last_minute_and_the_next_day_is_not() {
        // British Summer Time starts on 28 March 2027, so 31 March ends in London at 22:59:59Z.
        assertTrue(ask("neglect", "safeguarding", Instant.parse("2027-03-31T22:59:59Z"), ACTIVE).allowed());
        SharingPolicy.Decision after = ask("neglect", "safeguarding", Instant.parse("2027-03-31T23:00:00Z"), ACTIVE);
        assertFalse(after.allowed());
        assertTrue(after.reasons().get(0).contains("expired after 2027-03-31"));
    }

    @Test
    void after_revocation_it_is_refused_and_before_it_it_was_allowed() {
        Instant revoked = Instant.parse("2026-09-01T09:00:00Z");
        AgreementStatus a = new AgreementStatus(ID, TERMS, SIGNED, revoked);
        assertTrue(ask("neglect", "safeguarding", revoked.minusSeconds(1), a).allowed());
        SharingPolicy.Decision d = ask("neglect", "safeguarding", revoked, a);
        assertFalse(d.allowed());
        assertTrue(d.reasons().get(0).contains("revoked"));
    }

    @Test
    void a_category_or_purpose_not_covered_is_refused_saying_which() {
        Instant at = Instant.parse("2026-06-15T12:00:00Z");
        assertTrue(ask("self-harm", "safeguarding", at, ACTIVE).reasons().get(0)
                .contains("does not cover the category 'self-harm'"));
        assertTrue(ask("neglect", "crime-prevention", at, ACTIVE).reasons().get(0)
                .contains("does not cover the purpose 'crime-prevention'"));
    }

    @Test
    void an_agreement_not_yet_signed_by_every_party_does_not_allow_anything() {
        AgreementStatus proposed = new AgreementStatus(ID, TERMS, null, null);
        SharingPolicy.Decision d = ask("neglect", "safeguarding", Instant.parse("2026-06-15T12:00:00Z"), proposed);
        assertFalse(d.allowed());
        assertTrue(d.reasons().get(0).contains("not signed by every party"));
        AgreementStatus signedLater = new AgreementStatus(ID, TERMS, Instant.parse("2026-07-01T00:00:00Z"), null);
        assertFalse(ask("neglect", "safeguarding", Instant.parse("2026-06-15T12:00:00Z"), signedLater).allowed());
    }

    @Test
    void no_agreement_between_the_two_agencies_is_named_as_the_reason() {
        AgreementTerms others = new AgreementTerms("Schools protocol", List.of("met-police", "northside-primary"),
                TERMS.categories(), TERMS.purposes(), "public-task", null, "coordination", "quarterly",
                TERMS.validFrom(), TERMS.validTo(), TERMS.reviewDate());
        SharingPolicy.Decision d = ask("neglect", "safeguarding", Instant.parse("2026-06-15T12:00:00Z"),
                new AgreementStatus(UUID.randomUUID(), others, SIGNED, null));
        assertFalse(d.allowed());
        assertEquals(List.of("no data-sharing agreement binds both met-police and haringey-csc"), d.reasons());
    }

    @Test
    void when_one_of_several_agreements_allows_it_that_one_is_named() {
        UUID narrowId = UUID.fromString("00000000-0000-4000-8000-00000000a000");
        AgreementTerms narrow = new AgreementTerms("Narrow", TERMS.parties(), List.of("referral"), TERMS.purposes(),
                "public-task", null, "networking", "annually", TERMS.validFrom(), TERMS.validTo(), TERMS.reviewDate());
        SharingPolicy.Decision d = ask("neglect", "safeguarding", Instant.parse("2026-06-15T12:00:00Z"),
                new AgreementStatus(narrowId, narrow, SIGNED, null), ACTIVE);
        assertTrue(d.allowed());
        assertEquals(ID, d.agreementId());
    }

    @Test
    void an_agency_needs_no_agreement_with_itself() {
        SharingPolicy.Decision d = SharingPolicy.decide(new SharingPolicy.Question("met-police", "met-police",
                "neglect", "safeguarding", Instant.parse("2026-06-15T12:00:00Z")), List.of(ACTIVE));
        assertFalse(d.allowed());
    }
}
