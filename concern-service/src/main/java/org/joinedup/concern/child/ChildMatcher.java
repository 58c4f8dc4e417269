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
 * Fuzzy matching of child identities: the likely-but-uncertain matches the automatic-join rule
 * ({@link AutomaticJoin}) does not decide. It proposes candidates for a safeguarding lead to review
 * and never merges anything.
 *
 * <p>Two steps, as record-linkage systems do:
 * <ol>
 * <li><b>Blocking</b> ({@link #blocks}): only identities that share a selective block are compared: a
 * phonetic name with the date of birth, or both names with the year of birth (two years either
 * way, or no date of birth). A common family name therefore makes many small blocks, not one big one.</li>
 * <li><b>Scoring</b> ({@link #compare}): names by Jaro-Winkler similarity or edit distance, phonetic
 * codes, gendered forms, short and pet forms and the parts of multi-part names, taking the best of
 * straight, swapped and alias pairings; the date of birth as equal, day and month swapped, one part
 * different, estimated, or unknown; one name in common on the same birthday; the postcode; and
 * different NHS numbers weigh heavily against. Each candidate carries the evidence for and against.</li>
 * </ol>
 * The weights and the threshold were chosen with the labelled data set described in
 * {@code docs/child-matching.md}, which also holds the measured recall.
 */
public final class ChildMatcher {
    public static final double DEFAULT_THRESHOLD = 0.80;
    static final double PHONETIC_FLOOR = 0.92;
    static final double NAME_WEIGHT = 0.65;
    static final double BIRTH_WEIGHT = 0.35;
    static final double POSTCODE_BONUS = 0.05;
    static final double DISTRICT_BONUS = 0.03;
    static final double DIFFERENT_NHS_PENALTY = 0.2;
    /** What a part neither side knows (or only one side knows) counts for: neither for nor against. */
    static final double UNKNOWN = 0.6;
    /** A name part at least this similar agrees (Jaro-Winkler, or a phonetic equality). */
    static final double SIMILAR_PART = 0.85;
    static final double PET_NAME_FLOOR = 0.9;
    /** A gendered form of a family name (Kowalska, Kowalski) counts as at least this. */
    static final double GENDERED_FLOOR = 0.92;
    /** One part of a multi-part name agreeing counts this share of the whole agreeing. */
    static final double PART_OF_NAME = 0.95;
    /** The score one name in common with the exact date of birth is raised to; see {@link #compare}. */
    static final double ONE_NAME_AND_BIRTHDAY = 0.8;
    static final double SWAPPED_BIRTH = 0.9;
    static final double SLIPPED_BIRTH = 0.7;

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
    public record Evidence(double score, List<String> reasons, List<String> against) {
        public Evidence(double score, List<String> reasons) {
            this(score, reasons, List.of());
        }
    }

    /** How many years apart two birth years may be and still meet in a names-and-year block. */
    static final int YEAR_WINDOW = 2;
    /** The earliest birth year a child without a date of birth is looked for in: care leavers are supported to 25. */
    static final int OLDEST_AGE = 26;

    /**
     * The blocks an identity is filed in ({@code filed}) and the blocks it looks in ({@code probed}).
     * Two identities are compared when one looks in a block the other is filed in, and the relation is
     * symmetric: whichever arrives second finds the first.
     *
     * <p>The locks: a concern locks the blocks it is filed in exclusively ({@link #exclusive}; the
     * year-only {@code ny:} blocks need none, see {@link #blocks}) and the others it looks in shared
     * ({@link #shared}). Any two identities that could be compared meet in a block one of them is
     * filed in, so their concerns are serialised; two records with known dates that could not be
     * compared share at most a shared lock, so a common name does not queue concerns behind each other.
     */
    public record Blocks(Set<String> filed, Set<String> probed) {
        /** The keys locked exclusively: the blocks filed in, except the year-only ones. */
        public Set<String> exclusive() {
            Set<String> keys = new TreeSet<>(filed);
            keys.removeIf(k -> k.startsWith("ny:"));
            return keys;
        }

        /** The keys locked shared: the blocks looked in and not filed in. */
        public Set<String> shared() {
            Set<String> keys = new TreeSet<>(probed);
            keys.removeAll(filed);
            return keys;
        }
    }

    /**
     * The blocks of an identity, each selective, so a common name does not make a big block or a
     * shared lock. With a known date of birth a record is filed under, and looks in:
     * <ul>
     * <li>{@code nd:} each name's phonetic code (family, given and alias names, each part of a name
     * with several) with the date of birth, day and month in either order: one name in common on the
     * same birthday, whatever happened to the other name (swapped, misspelt, changed);</li>
     * <li>{@code np:} the codes of family and given name as an unordered pair, with the year and the
     * month, with the year and the day, and with the day and month: both names in common, whatever
     * one part of the date (or a swap of day and month) did.</li>
     * </ul>
     * Estimated dates and unknown ones are met through the year alone: a record with a known date is
     * also filed under {@code ny:} (the pair with the year), in which only records whose date is
     * estimated or unknown look ({@value #YEAR_WINDOW} years either way, or every year); those are
     * filed under {@code ne:} (the pair with the year, or {@code ?}), in which every record looks.
     * Whenever a record with an estimated or unknown date could be compared with another record, the
     * two also meet in the {@code ne:} block it is filed in, which it locks exclusively: so the
     * {@code ny:} blocks, shared by every record with the same names born in one year, need no lock.
     */
    public static Blocks blocks(ChildIdentity identity, java.time.LocalDate today) {
        Set<String> filed = new TreeSet<>();
        Set<String> probed = new TreeSet<>();
        LocalDate exact = identity.exactDateOfBirth();
        Set<String> codes = new TreeSet<>();
        Set<String> pairs = new TreeSet<>();
        for (ChildIdentity.Name name : identity.names()) {
            List<String> families = codes(name.familyParts());
            List<String> givens = codes(name.givenParts());
            codes.addAll(families);
            codes.addAll(givens);
            for (String f : families) {
                for (String g : givens) {
                    pairs.add(f.compareTo(g) <= 0 ? f + "|" + g : g + "|" + f);
                }
            }
        }
        if (exact != null) {
            int low = Math.min(exact.getMonthValue(), exact.getDayOfMonth());
            int high = Math.max(exact.getMonthValue(), exact.getDayOfMonth());
            int year = exact.getYear();
            codes.forEach(code -> filed.add("nd:" + code + "|" + year + "-" + low + "-" + high));
            for (String pair : pairs) {
                filed.add("np:" + pair + "|" + year + "|" + exact.getMonthValue());
                filed.add("np:" + pair + "|" + year + "|" + exact.getDayOfMonth());
                filed.add("np:" + pair + "|" + low + "-" + high);
            }
            probed.addAll(filed);
            for (String pair : pairs) {
                filed.add("ny:" + pair + "|" + year);
                for (int y = year - YEAR_WINDOW; y <= year + YEAR_WINDOW; y++) {
                    probed.add("ne:" + pair + "|" + y);
                }
                probed.add("ne:" + pair + "|?");
            }
            return new Blocks(filed, probed);
        }
        Integer year = identity.dateOfBirth() == null ? null : identity.dateOfBirth().getYear();
        int from = year == null ? today.getYear() - OLDEST_AGE : year - YEAR_WINDOW;
        int to = year == null ? today.getYear() : year + YEAR_WINDOW;
        for (String pair : pairs) {
            filed.add("ne:" + pair + "|" + (year == null ? "?" : year.toString()));
            for (int y = from; y <= to; y++) {
                probed.add("ny:" + pair + "|" + y);
                probed.add("ne:" + pair + "|" + y);
            }
            probed.add("ne:" + pair + "|?");
        }
        probed.addAll(filed);
        return new Blocks(filed, probed);
    }

    /** The Double Metaphone codes of name parts (both codes when a part has two). */
    private static List<String> codes(List<String> parts) {
        Set<String> codes = new TreeSet<>();
        for (String part : parts) {
            String primary = METAPHONE.doubleMetaphone(part);
            if (primary != null && !primary.isEmpty()) {
                codes.add(primary);
            }
            String alternate = METAPHONE.doubleMetaphone(part, true);
            if (alternate != null && !alternate.isEmpty()) {
                codes.add(alternate);
            }
        }
        return List.copyOf(codes);
    }

    /** The best evidence that the incoming identity is the child known by any of {@code known}, at any score. */
    public Evidence best(ChildIdentity incoming, Collection<ChildIdentity> known) {
        Evidence best = new Evidence(0, List.of(), List.of());
        for (ChildIdentity other : known) {
            Evidence e = compare(incoming, other);
            if (e.score() > best.score() || best.reasons().isEmpty()) {
                best = e;
            }
        }
        return best;
    }

    /** The best evidence that the incoming identity is the child known by any of {@code known}, if it reaches the threshold. */
    public Optional<Evidence> match(ChildIdentity incoming, Collection<ChildIdentity> known) {
        Evidence best = null;
        for (ChildIdentity other : known) {
            Evidence e = compare(incoming, other);
            if (best == null || e.score() > best.score()) {
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

    /**
     * The evidence for and against two identities being one child. Two different valid NHS numbers
     * weigh heavily against ({@value #DIFFERENT_NHS_PENALTY} off the score), so only the same names
     * with the same date of birth still reach the queue: the case of a number typed in from a brother's
     * or sister's record.
     */
    public static Evidence compare(ChildIdentity a, ChildIdentity b) {
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> against = new LinkedHashSet<>();
        double names = names(a, b, reasons, against);
        double birth = birth(a, b, reasons, against);
        double score = NAME_WEIGHT * names + BIRTH_WEIGHT * birth;
        if (a.postcode() != null && a.postcode().equals(b.postcode())) {
            score += POSTCODE_BONUS;
            reasons.add("same postcode");
        } else if (a.postcodeDistrict() != null && a.postcodeDistrict().equals(b.postcodeDistrict())) {
            score += DISTRICT_BONUS;
            reasons.add("same postcode district");
        } else if (a.postcodeDistrict() != null && b.postcodeDistrict() != null) {
            against.add("different postcode districts");
        }
        if (birth == 1.0 && score < ONE_NAME_AND_BIRTHDAY) {
            // One name in common on the same exact birthday: a known-as name, a step-family name, a twin. A
            // lead tells them apart (the evidence against says which name differs); with the family name
            // anywhere, with the given name only at one address, as a given name is shared across a country.
            boolean sameDistrict = a.postcodeDistrict() != null && a.postcodeDistrict().equals(b.postcodeDistrict());
            if (nameInCommon(a, b, true) || sameDistrict && nameInCommon(a, b, false)) {
                score = ONE_NAME_AND_BIRTHDAY;
                reasons.add("one name in common on the same birthday");
            }
        }
        if (a.nhsNumber() != null && b.nhsNumber() != null) {
            if (a.nhsNumber().equals(b.nhsNumber())) {
                reasons.add("same NHS number");
            } else {
                score -= DIFFERENT_NHS_PENALTY;
                against.add("different NHS numbers");
            }
        }
        double rounded = Math.max(0, Math.min(1.0, Math.round(score * 1000) / 1000.0));
        return new Evidence(rounded, List.copyOf(reasons), List.copyOf(against));
    }

    private static double names(ChildIdentity a, ChildIdentity b, Set<String> reasons, Set<String> against) {
        double best = -1;
        List<String> why = List.of();
        List<String> whyNot = List.of();
        for (ChildIdentity.Name x : a.names()) {
            for (ChildIdentity.Name y : b.names()) {
                double family = parts(x.family(), x.familyParts(), y.family(), y.familyParts());
                double given = Math.max(givenPart(x.given(), y.given()),
                        parts(x.given(), x.givenParts(), y.given(), y.givenParts()));
                double straight = (family + given) / 2;
                double swapped = (parts(x.family(), x.familyParts(), y.given(), y.givenParts())
                        + parts(x.given(), x.givenParts(), y.family(), y.familyParts())) / 2;
                double s = Math.max(straight, swapped);
                if (s <= best) {
                    continue;
                }
                best = s;
                List<String> w = new ArrayList<>();
                List<String> n = new ArrayList<>();
                boolean familyKnown = !x.family().isEmpty() && !y.family().isEmpty();
                boolean givenKnown = !x.given().isEmpty() && !y.given().isEmpty();
                if (swapped > straight && swapped >= SIMILAR_PART) {
                    w.add("given and family names swapped");
                } else if (familyKnown && givenKnown && x.family().equals(y.family()) && x.given().equals(y.given())) {
                    w.add("same names");
                } else {
                    boolean familyAgrees = familyKnown && family >= SIMILAR_PART;
                    boolean givenAgrees = givenKnown && given >= SIMILAR_PART;
                    if (familyKnown && !familyAgrees) {
                        n.add("different family names");
                    }
                    if (givenKnown && !givenAgrees) {
                        n.add("different given names");
                    }
                    if (givenKnown && GivenNames.petName(x.given(), y.given())) {
                        w.add("a short or pet form of the given name");
                    } else if (familyAgrees && givenAgrees) {
                        w.add("similar names");
                    } else if (familyAgrees) {
                        w.add(x.family().equals(y.family()) ? "same family name" : "similar family names");
                    } else if (givenAgrees) {
                        w.add(x.given().equals(y.given()) ? "same given name" : "similar given names");
                    }
                    if (!familyKnown || !givenKnown) {
                        w.add("a name not known on both");
                    }
                }
                if (x.alias() || y.alias()) {
                    w.add("a known alias");
                }
                why = w;
                whyNot = n;
            }
        }
        if (best < 0) {
            reasons.add("names not known on both");
            return UNKNOWN;
        }
        if (!why.isEmpty()) {
            reasons.add(String.join("; ", why));
        }
        against.addAll(whyNot);
        return best;
    }

    /** Whether some name of each has the same (or a similar) family name, or given name, both known. */
    static boolean nameInCommon(ChildIdentity a, ChildIdentity b, boolean family) {
        for (ChildIdentity.Name x : a.names()) {
            for (ChildIdentity.Name y : b.names()) {
                String p = family ? x.family() : x.given();
                String q = family ? y.family() : y.given();
                if (!p.isEmpty() && !q.isEmpty() && parts(p, family ? x.familyParts() : x.givenParts(), q,
                        family ? y.familyParts() : y.givenParts()) >= SIMILAR_PART) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A given name compared: as {@link #part}, and a short or pet form counts as at least {@value #PET_NAME_FLOOR}. */
    static double givenPart(String x, String y) {
        double s = part(x, y);
        if (s < PET_NAME_FLOOR && !x.isEmpty() && !y.isEmpty() && GivenNames.petName(x, y)) {
            return PET_NAME_FLOOR;
        }
        return s;
    }

    /** Similarity of two name parts; an empty part (not given) is neither evidence for nor against. */
    static double part(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return UNKNOWN;
        }
        if (x.equals(y)) {
            return 1.0;
        }
        double s = Math.max(JARO_WINKLER.apply(x, y), editSimilarity(x, y));
        if (METAPHONE.isDoubleMetaphoneEqual(x, y) || METAPHONE.isDoubleMetaphoneEqual(x, y, true)) {
            s = Math.max(s, PHONETIC_FLOOR);
        }
        if (s < GENDERED_FLOOR && x.length() > 4 && y.length() > 4 && stem(x).equals(stem(y))) {
            s = GENDERED_FLOOR;
        }
        return s;
    }

    /** One minus the edit distance over the longer length: a letter added or lost at the start (Cabdi, Abdi) still scores high. */
    static double editSimilarity(String x, String y) {
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return 1.0 - (double) previous[y.length()] / Math.max(x.length(), y.length());
    }

    /** Gendered and patronymic endings and the form each shares with its other gender. */
    private static final String[][] GENDERED_ENDINGS = {{"owska", "owski"}, {"ewska", "ewski"}, {"ska", "ski"},
            {"cka", "cki"}, {"dzka", "dzki"}, {"ova", "ov"}, {"eva", "ev"}, {"ina", "in"}, {"aya", "iy"}, {"kaite", "kas"},
            {"aite", "as"}, {"yte", "is"}, {"iene", "is"}, {"ova", ""}, {"ou", "os"}, {"dottir", "son"}, {"sdottir", "sson"}};

    /** A family name with a gendered or patronymic ending put in its other form: Kowalska and Kowalski share one. */
    static String stem(String name) {
        for (String[] ending : GENDERED_ENDINGS) {
            if (name.endsWith(ending[0]) && name.length() > ending[0].length() + 2) {
                return name.substring(0, name.length() - ending[0].length()) + ending[1];
            }
        }
        return name;
    }

    /**
     * Similarity of two names that may have several parts: the whole names, or the best pair of parts
     * (Garcia for Garcia Lopez, Lopez Garcia for Garcia Lopez), a part counting a little less than the whole.
     */
    static double parts(String x, List<String> xParts, String y, List<String> yParts) {
        double best = part(x, y);
        if (x.isEmpty() || y.isEmpty() || best >= 1.0) {
            return best;
        }
        for (String p : xParts) {
            for (String q : yParts) {
                if (p.length() >= 2 && q.length() >= 2 && !(p.equals(x) && q.equals(y))) {
                    best = Math.max(best, PART_OF_NAME * part(p, q));
                }
            }
        }
        return best;
    }

    /** How far two identities' dates of birth agree, both known: as {@link #compare} scores it. */
    static double birthAgreement(ChildIdentity a, ChildIdentity b) {
        return birth(a, b, new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    private static double birth(ChildIdentity a, ChildIdentity b, Set<String> reasons, Set<String> against) {
        LocalDate x = a.dateOfBirth();
        LocalDate y = b.dateOfBirth();
        if (x == null || y == null) {
            reasons.add("date of birth not known on both");
            return UNKNOWN;
        }
        if (a.dateOfBirthEstimated() || b.dateOfBirthEstimated()) {
            // An age in years is often a year out and an estimate's month is a guess: within a year and a half
            // is the same age as far as anyone can tell.
            long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(x, y));
            if (days <= 550) {
                reasons.add("of about the same age (a date of birth estimated)");
                return 0.7;
            }
            if (days <= 915) {
                reasons.add("ages about two years apart (a date of birth estimated)");
                return 0.5;
            }
            against.add("ages far apart");
            return 0;
        }
        double agreement = birthAgreement(x, y);
        if (agreement == 1.0) {
            reasons.add("same date of birth");
        } else if (agreement == SWAPPED_BIRTH) {
            reasons.add("day and month of birth swapped");
        } else if (agreement == SLIPPED_BIRTH) {
            reasons.add("date of birth differs in one part");
        } else {
            against.add("different dates of birth");
        }
        return agreement;
    }

    /**
     * How far two known dates of birth agree: 1 the same, {@value #SWAPPED_BIRTH} day and month
     * swapped, {@value #SLIPPED_BIRTH} one of day, month or year different, 0 otherwise.
     */
    static double birthAgreement(LocalDate x, LocalDate y) {
        if (x.equals(y)) {
            return 1.0;
        }
        if (x.getYear() == y.getYear() && x.getDayOfMonth() == y.getMonthValue() && x.getMonthValue() == y.getDayOfMonth()) {
            return SWAPPED_BIRTH;
        }
        int same = (x.getYear() == y.getYear() ? 1 : 0) + (x.getMonthValue() == y.getMonthValue() ? 1 : 0)
                + (x.getDayOfMonth() == y.getDayOfMonth() ? 1 : 0);
        return same == 2 ? SLIPPED_BIRTH : 0;
    }
}
