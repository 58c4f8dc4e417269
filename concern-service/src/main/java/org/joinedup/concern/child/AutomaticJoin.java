package org.joinedup.concern.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for putting a new identification into a child the index already knows without anybody
 * reviewing it. Everything else that may be the same child goes to the review queue (see
 * {@link ChildMatcher}); a wrong automatic join puts one child's concerns in another child's
 * chronology, and nobody would see it.
 *
 * <p>An identification joins a known child automatically when, for some identification of that child:
 * <ol>
 * <li><b>the NHS numbers are the same and nothing contradicts them</b>: against every identification
 * the child is known by, the given names agree (the same
 * name, a spelling variant, a short or pet form, given and family names swapped, or an alias; see
 * {@link GivenNames}) or one side has none, and the dates of birth agree (the same date, day and month
 * swapped, or one part of it different; an estimated date within 30 months) or
 * one side has none. A different family name alone is no contradiction: children change family names.
 * Otherwise the two go to review as {@code nhs-number-conflict} (typically a brother's or sister's NHS
 * number typed in);</li>
 * <li>or <b>the same family name, given name and exact date of birth, and something else in common</b>:
 * the same postcode district, with no NHS number telling them apart. The same names and date of birth
 * with nothing else in common (no shared NHS number, different or missing postcodes) go to review as
 * {@code same-names-and-birth}: namesakes born on one day exist in a national population.</li>
 * </ol>
 * Two different valid NHS numbers are never joined automatically.
 */
public final class AutomaticJoin {
    public static final String NHS_NUMBER_CONFLICT = "nhs-number-conflict";
    public static final String SAME_NAMES_AND_BIRTH = "same-names-and-birth";
    /** The queue's reason for a child the rule would also join, when another was joined first. */
    public static final String CONFLICTING_KEYS = "conflicting-keys";
    static final String CONFLICTING_KEYS_EVIDENCE = "the NHS number and the names with date of birth point to different records";

    private AutomaticJoin() {
    }

    public enum Outcome {
        /** The identification is this child: joined without review. */
        JOIN,
        /** The deterministic keys point at this child but other evidence does not bear it out: queue for review. */
        REVIEW,
        /** Nothing deterministic connects them (fuzzy matching may still propose them). */
        UNRELATED
    }

    /**
     * What the rule decided and why.
     *
     * @param reason    for {@link Outcome#REVIEW}, the queue's reason code; null otherwise
     * @param agreeing  the evidence that they are one child
     * @param against   the evidence that they are not
     */
    public record Decision(Outcome outcome, boolean byNhsNumber, String reason, List<String> agreeing,
                           List<String> against) {
        static Decision unrelated() {
            return new Decision(Outcome.UNRELATED, false, null, List.of(), List.of());
        }
    }

    /**
     * What the rule makes of an identification and the children that share a key with it.
     *
     * @param joinTo the child it joins, or null for a new child
     * @param review the other children to queue with it, each with the decision saying why
     */
    public record Resolution(java.util.UUID joinTo, java.util.Map<java.util.UUID, Decision> review) {
    }

    /**
     * Applies the rule to every child holding a key: the identification joins the first it joins (one
     * joined by the NHS number before one joined by names); any other it would join is queued as
     * {@code conflicting-keys}, and every one the rule sends to review is queued with its reason.
     */
    public static Resolution resolve(ChildIdentity incoming, java.util.Map<java.util.UUID, List<ChildIdentity>> holders) {
        java.util.UUID joinTo = null;
        boolean byNhs = false;
        java.util.Map<java.util.UUID, Decision> decisions = new java.util.LinkedHashMap<>();
        holders.forEach((child, known) -> decisions.put(child, decide(incoming, known)));
        for (java.util.Map.Entry<java.util.UUID, Decision> d : decisions.entrySet()) {
            if (d.getValue().outcome() == Outcome.JOIN && (joinTo == null || d.getValue().byNhsNumber() && !byNhs)) {
                joinTo = d.getKey();
                byNhs = d.getValue().byNhsNumber();
            }
        }
        java.util.Map<java.util.UUID, Decision> review = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<java.util.UUID, Decision> d : decisions.entrySet()) {
            Decision decision = d.getValue();
            if (d.getKey().equals(joinTo) || decision.outcome() == Outcome.UNRELATED) {
                continue;
            }
            review.put(d.getKey(), decision.outcome() == Outcome.REVIEW ? decision
                    : new Decision(Outcome.REVIEW, decision.byNhsNumber(), CONFLICTING_KEYS,
                    concat(List.of(CONFLICTING_KEYS_EVIDENCE), decision.agreeing()), decision.against()));
        }
        return new Resolution(joinTo, review);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Whether {@code incoming} joins the child known by {@code known} (every identification of that child). */
    public static Decision decide(ChildIdentity incoming, List<ChildIdentity> known) {
        if (incoming.nhsNumber() != null) {
            List<ChildIdentity> sameNumber = known.stream().filter(k -> incoming.nhsNumber().equals(k.nhsNumber())).toList();
            if (!sameNumber.isEmpty()) {
                java.util.Set<String> against = new java.util.LinkedHashSet<>();
                for (ChildIdentity k : known) {
                    against.addAll(contradictions(incoming, k));
                }
                return against.isEmpty()
                        ? new Decision(Outcome.JOIN, true, null, List.of("same NHS number"), List.of())
                        : new Decision(Outcome.REVIEW, true, NHS_NUMBER_CONFLICT, List.of("same NHS number"), List.copyOf(against));
            }
            if (known.stream().anyMatch(k -> k.nhsNumber() != null)) {
                return Decision.unrelated();
            }
        }
        String key = ChildMatchKeys.demographic(incoming).orElse(null);
        if (key == null) {
            return Decision.unrelated();
        }
        List<ChildIdentity> sameNames = known.stream()
                .filter(k -> key.equals(ChildMatchKeys.demographic(k).orElse(null))).toList();
        if (sameNames.isEmpty()) {
            return Decision.unrelated();
        }
        List<String> agreeing = List.of("same names", "same date of birth");
        String district = incoming.postcodeDistrict();
        if (district != null && sameNames.stream().anyMatch(k -> district.equals(k.postcodeDistrict()))) {
            return new Decision(Outcome.JOIN, false, null,
                    List.of("same names", "same date of birth", "same postcode district"), List.of());
        }
        boolean otherDistrict = district != null && sameNames.stream().anyMatch(k -> k.postcodeDistrict() != null);
        return new Decision(Outcome.REVIEW, false, SAME_NAMES_AND_BIRTH, agreeing,
                List.of(otherDistrict ? "different postcode districts" : "no NHS number or postcode in common to confirm it"));
    }

    /** What in {@code b} contradicts {@code a}, given that they share an NHS number; empty when nothing does. */
    static List<String> contradictions(ChildIdentity a, ChildIdentity b) {
        List<String> found = new ArrayList<>(2);
        if (givenNamesDisagree(a, b)) {
            found.add("different given names");
        }
        if (datesOfBirthDisagree(a, b)) {
            found.add("different dates of birth");
        }
        return found;
    }

    /** True when both have given names and no pairing of their names (straight, swapped, aliases) agrees. */
    static boolean givenNamesDisagree(ChildIdentity a, ChildIdentity b) {
        boolean bothKnown = false;
        for (ChildIdentity.Name x : a.names()) {
            for (ChildIdentity.Name y : b.names()) {
                if (x.given().isEmpty() || y.given().isEmpty()) {
                    continue;
                }
                bothKnown = true;
                if (GivenNames.agree(x.given(), y.given())) {
                    return false;
                }
                if (!x.family().isEmpty() && !y.family().isEmpty()
                        && GivenNames.agree(x.given(), y.family()) && GivenNames.agree(x.family(), y.given())) {
                    return false;
                }
            }
        }
        return bothKnown;
    }

    /**
     * True when both have dates of birth that cannot be one child's: the matcher's date agreement is
     * nil (not the same, not swapped, not one part different, an estimate more than 30 months away).
     */
    static boolean datesOfBirthDisagree(ChildIdentity a, ChildIdentity b) {
        return a.dateOfBirth() != null && b.dateOfBirth() != null && ChildMatcher.birthAgreement(a, b) == 0;
    }
}
