package org.joinedup.concern.child;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Fuzzy matching of child identities: the likely-but-uncertain matches the deterministic index does
 * not decide. It proposes candidates for a safeguarding lead to review and never merges anything.
 *
 * <p>Two steps, as record-linkage systems do:
 * <ol>
 * <li><b>Blocking</b>: each identity has a few keys; only identities sharing a key are compared. The
 * keys are the date of birth with day and month in either order, and for each name (aliases too)
 * the Double Metaphone codes of family and given name as an unordered pair, so a swapped date, a
 * swapped name or a phonetic spelling still meets its partner.</li>
 * <li><b>Scoring</b>: names by Jaro-Winkler similarity (a phonetic equality counts as at least
 * {@value #PHONETIC_FLOOR}), taking the best of straight, swapped and alias pairings; the date of
 * birth as equal, day and month swapped, one part different, or unknown; a shared postcode adds a
 * little. Different valid NHS numbers mean different children and are never proposed.</li>
 * </ol>
 * The weights and the threshold were chosen with the labelled data set described in
 * {@code docs/child-matching.md}, which also holds the measured recall.
 */
public final class ChildMatcher {
    public static final double DEFAULT_THRESHOLD = 0.85;
    static final double PHONETIC_FLOOR = 0.92;
    static final double NAME_WEIGHT = 0.65;
    static final double BIRTH_WEIGHT = 0.35;
    static final double POSTCODE_BONUS = 0.05;

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final double threshold;

    public ChildMatcher() {
        this(DEFAULT_THRESHOLD);
    }

    public ChildMatcher(double threshold) {
        this.threshold = threshold;
    }

    /** Why two identities may be one child, and how strongly (0 to 1). */
    public record Evidence(double score, List<String> reasons) {
    }

    /** The blocking keys of an identity: identities that share none are never compared. */
    public static Set<String> blockingKeys(ChildIdentity identity) {
        Set<String> keys = new TreeSet<>();
        LocalDate dob = identity.dateOfBirth();
        if (dob != null) {
            int low = Math.min(dob.getMonthValue(), dob.getDayOfMonth());
            int high = Math.max(dob.getMonthValue(), dob.getDayOfMonth());
            keys.add("dob:" + dob.getYear() + "-" + low + "-" + high);
        }
        for (ChildIdentity.Name name : identity.names()) {
            if (!name.family().isEmpty() && !name.given().isEmpty()) {
                String a = METAPHONE.doubleMetaphone(name.family());
                String b = METAPHONE.doubleMetaphone(name.given());
                keys.add("names:" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a));
            }
        }
        return keys;
    }

    /** The best evidence that the incoming identity is the child known by any of {@code known}, if it reaches the threshold. */
    public Optional<Evidence> match(ChildIdentity incoming, Collection<ChildIdentity> known) {
        Evidence best = null;
        for (ChildIdentity other : known) {
            Evidence e = compare(incoming, other);
            if (e != null && (best == null || e.score() > best.score())) {
                best = e;
            }
        }
        return best != null && best.score() >= threshold ? Optional.of(best) : Optional.empty();
    }

    /**
     * The candidates for an incoming identity among other children (each with every identity it is
     * known by), strongest evidence per child; children below the threshold are left out.
     */
    public Map<UUID, Evidence> candidates(ChildIdentity incoming,
                                                            Map<UUID, List<ChildIdentity>> others) {
        Map<UUID, Evidence> found = new LinkedHashMap<>();
        others.forEach((child, identities) -> {
            if (!child.equals(incoming.childId())) {
                match(incoming, identities).ifPresent(e -> found.put(child, e));
            }
        });
        return found;
    }

    /** The evidence for two identities, or null when they cannot be one child. */
    public static Evidence compare(ChildIdentity a, ChildIdentity b) {
        if (a.nhsNumber() != null && b.nhsNumber() != null && !a.nhsNumber().equals(b.nhsNumber())) {
            return null;
        }
        Set<String> reasons = new LinkedHashSet<>();
        double names = names(a, b, reasons);
        double birth = birth(a.dateOfBirth(), b.dateOfBirth(), reasons);
        double score = NAME_WEIGHT * names + BIRTH_WEIGHT * birth;
        if (a.postcode() != null && a.postcode().equals(b.postcode())) {
            score += POSTCODE_BONUS;
            reasons.add("same postcode");
        }
        return new Evidence(Math.min(1.0, Math.round(score * 1000) / 1000.0), List.copyOf(reasons));
    }

    private static double names(ChildIdentity a, ChildIdentity b, Set<String> reasons) {
        double best = 0;
        String why = null;
        for (ChildIdentity.Name x : a.names()) {
            for (ChildIdentity.Name y : b.names()) {
                double straight = (part(x.family(), y.family()) + part(x.given(), y.given())) / 2;
                double swapped = (part(x.family(), y.given()) + part(x.given(), y.family())) / 2;
                double s = Math.max(straight, swapped);
                if (s > best) {
                    best = s;
                    List<String> w = new ArrayList<>();
                    if (swapped > straight) {
                        w.add("given and family names swapped");
                    } else if (x.family().equals(y.family()) && x.given().equals(y.given())) {
                        w.add("same names");
                    } else {
                        w.add("similar names");
                    }
                    if (x.alias() || y.alias()) {
                        w.add("a known alias");
                    }
                    why = String.join("; ", w);
                }
            }
        }
        if (why != null) {
            reasons.add(why);
        }
        return best;
    }

    /** Similarity of two name parts; an empty part (not given) is neither evidence for nor against. */
    static double part(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0.5;
        }
        if (x.equals(y)) {
            return 1.0;
        }
        double s = JARO_WINKLER.apply(x, y);
        if (METAPHONE.isDoubleMetaphoneEqual(x, y) || METAPHONE.isDoubleMetaphoneEqual(x, y, true)) {
            s = Math.max(s, PHONETIC_FLOOR);
        }
        return s;
    }

    private static double birth(LocalDate x, LocalDate y, Set<String> reasons) {
        if (x == null || y == null) {
            reasons.add("date of birth not known on both");
            return 0.5;
        }
        if (x.equals(y)) {
            reasons.add("same date of birth");
            return 1.0;
        }
        if (x.getYear() == y.getYear() && x.getDayOfMonth() == y.getMonthValue() && x.getMonthValue() == y.getDayOfMonth()) {
            reasons.add("day and month of birth swapped");
            return 0.9;
        }
        int same = (x.getYear() == y.getYear() ? 1 : 0) + (x.getMonthValue() == y.getMonthValue() ? 1 : 0)
                + (x.getDayOfMonth() == y.getDayOfMonth() ? 1 : 0);
        if (same == 2) {
            reasons.add("date of birth differs in one part");
            return 0.7;
        }
        return 0;
    }
}
