package org.joinedup.directory.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The sharing rule, in one place: agency A may share information of category C with agency B for
 * purpose P at time T when one agreement binds both A and B, every party had signed it by T, it was
 * not revoked by T, T's calendar day in England and Wales lies within its valid-from and valid-to
 * days (both inclusive), and it covers both C and P. Otherwise the answer says what is missing.
 */
public final class SharingPolicy {
    /** Agreements are dated in England and Wales' calendar. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private SharingPolicy() {
    }

    public record Question(String fromAgency, String toAgency, String category, String purpose, Instant at) {
    }

    /** The answer: the agreement that allows it, or every reason it is not allowed. */
    public record Decision(boolean allowed, UUID agreementId, List<String> reasons) {
        static Decision allow(UUID agreementId) {
            return new Decision(true, agreementId, List.of());
        }

        static Decision refuse(List<String> reasons) {
            return new Decision(false, null, List.copyOf(reasons));
        }
    }

    public static Decision decide(Question q, Collection<AgreementStatus> agreements) {
        if (q.fromAgency().equals(q.toAgency())) {
            return Decision.refuse(List.of("an agency does not need an agreement to use its own information"));
        }
        List<AgreementStatus> between = agreements.stream()
                .filter(a -> a.terms().parties().contains(q.fromAgency()) && a.terms().parties().contains(q.toAgency()))
                .sorted(Comparator.comparing(a -> a.agreementId().toString()))
                .toList();
        if (between.isEmpty()) {
            return Decision.refuse(List.of("no data-sharing agreement binds both " + q.fromAgency() + " and " + q.toAgency()));
        }
        List<String> reasons = new ArrayList<>();
        for (AgreementStatus a : between) {
            String why = whyNot(a, q);
            if (why == null) {
                return Decision.allow(a.agreementId());
            }
            reasons.add("agreement " + a.agreementId() + " " + why);
        }
        return Decision.refuse(reasons);
    }

    /** Why this agreement does not allow it, or null when it does. */
    static String whyNot(AgreementStatus a, Question q) {
        if (a.activatedAt() == null || a.activatedAt().isAfter(q.at())) {
            return "was not signed by every party at " + q.at();
        }
        if (a.revokedAt() != null && !q.at().isBefore(a.revokedAt())) {
            return "was revoked at " + a.revokedAt();
        }
        LocalDate day = LocalDate.ofInstant(q.at(), ZONE);
        if (day.isBefore(a.terms().validFrom())) {
            return "is valid only from " + a.terms().validFrom();
        }
        if (day.isAfter(a.terms().validTo())) {
            return "expired after " + a.terms().validTo();
        }
        if (!a.terms().categories().contains(q.category())) {
            return "does not cover the category '" + q.category() + "'";
        }
        if (!a.terms().purposes().contains(q.purpose())) {
            return "does not cover the purpose '" + q.purpose() + "'";
        }
        return null;
    }
}
