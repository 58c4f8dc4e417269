package org.joinedup.concern.child;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs a labelled data set through the same two steps the child index takes on every concern (the
 * deterministic keys of {@link ChildMatchKeys}, then {@link ChildMatcher}'s blocking and scoring
 * against every identity already known), in memory, and scores the review queue it would build.
 *
 * <p>Run it: {@code bench/child-matching.sh} (see {@code docs/child-matching.md}).
 */
public final class MatchingEvaluation {
    /** The day the evaluation runs as, so its figures do not change with the calendar. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 1);

    /**
     * What a lead would face.
     *
     * @param pairsToReview   pairs of child records that are truly one child but that the deterministic
     *                        index kept apart: what the queue must surface
     * @param pairsInQueue    of those, the pairs proposed as candidates
     * @param pairsConnected  of those, the pairs joined through a chain of true candidates (linking
     *                        each candidate joins them)
     * @param candidates      every candidate proposed, true or not
     * @param falseMerges     records the automatic-join rule put with another child (never fuzzy): must be 0
     */
    public record Result(int children, int records, int childRecords, int pairsToReview, int pairsInQueue,
                         int pairsConnected, int candidates, int trueCandidates, int falseMerges, double threshold) {
        public double recall() {
            return pairsToReview == 0 ? 1.0 : (double) pairsInQueue / pairsToReview;
        }

        public double connectedRecall() {
            return pairsToReview == 0 ? 1.0 : (double) pairsConnected / pairsToReview;
        }

        public double candidatesPerTruePair() {
            return pairsToReview == 0 ? 0 : (double) candidates / pairsToReview;
        }

        public double precision() {
            return candidates == 0 ? 1.0 : (double) trueCandidates / candidates;
        }
    }

    private MatchingEvaluation() {
    }

    public static Result run(List<LabelledChildren.Record> records, ChildMatcher matcher, double threshold) {
        Map<String, Set<UUID>> keys = new HashMap<>();
        Map<UUID, Set<Integer>> truthOf = new HashMap<>();
        Map<UUID, List<ChildIdentity>> identities = new HashMap<>();
        Map<String, Set<UUID>> blocks = new HashMap<>();
        Set<List<UUID>> candidates = new HashSet<>();
        int falseMerges = 0;
        for (LabelledChildren.Record record : records) {
            ChildIdentity incoming = ChildIdentity.of(null, record.identification());
            List<String> matchKeys = ChildMatchKeys.of(incoming);
            Set<UUID> holders = new java.util.TreeSet<>();
            matchKeys.forEach(k -> holders.addAll(keys.getOrDefault(k, Set.of())));
            UUID child = null;
            boolean byNhs = false;
            List<UUID> review = new ArrayList<>();
            for (UUID holder : holders) {
                AutomaticJoin.Decision d = AutomaticJoin.decide(incoming, identities.get(holder));
                if (d.outcome() == AutomaticJoin.Outcome.JOIN && (child == null || d.byNhsNumber() && !byNhs)) {
                    if (child != null) {
                        review.add(child);
                    }
                    child = holder;
                    byNhs = d.byNhsNumber();
                } else if (d.outcome() != AutomaticJoin.Outcome.UNRELATED) {
                    review.add(holder);
                }
            }
            if (child == null) {
                child = UUID.randomUUID();
            } else if (!truthOf.get(child).contains(record.trueChild())) {
                falseMerges++;
            }
            for (UUID other : review) {
                candidates.add(pair(child, other));
            }
            for (String key : matchKeys) {
                keys.computeIfAbsent(key, k -> new HashSet<>()).add(child);
            }
            truthOf.computeIfAbsent(child, c -> new HashSet<>()).add(record.trueChild());
            ChildIdentity identity = incoming.as(child);
            List<ChildIdentity> known = identities.computeIfAbsent(child, c -> new ArrayList<>());
            if (known.contains(identity)) {
                continue;
            }
            Map<UUID, List<ChildIdentity>> comparable = new LinkedHashMap<>();
            ChildMatcher.Blocks blockingKeys = ChildMatcher.blocks(identity, TODAY);
            for (String key : blockingKeys.probed()) {
                for (UUID other : blocks.getOrDefault(key, Set.of())) {
                    if (!other.equals(child)) {
                        comparable.put(other, identities.get(other));
                    }
                }
            }
            for (UUID other : matcher.candidates(identity, comparable).keySet()) {
                candidates.add(pair(child, other));
            }
            known.add(identity);
            for (String key : blockingKeys.filed()) {
                blocks.computeIfAbsent(key, k -> new HashSet<>()).add(child);
            }
        }
        Result result = score(records, truthOf, candidates, falseMerges, threshold);
        int show = Integer.parseInt(System.getenv().getOrDefault("MISSES", "0"));
        if (show > 0) {
            printMisses(truthOf, identities, candidates, show);
        }
        return result;
    }

    /** Prints missed true pairs (synthetic data), to see what the matcher cannot reach. */
    private static void printMisses(Map<UUID, Set<Integer>> truthOf, Map<UUID, List<ChildIdentity>> identities,
                                    Set<List<UUID>> candidates, int show) {
        List<UUID> ids = new ArrayList<>(truthOf.keySet());
        int shown = 0;
        for (int i = 0; i < ids.size() && shown < show; i++) {
            for (int j = i + 1; j < ids.size() && shown < show; j++) {
                Set<Integer> shared = new HashSet<>(truthOf.get(ids.get(i)));
                shared.retainAll(truthOf.get(ids.get(j)));
                if (!shared.isEmpty() && !candidates.contains(pair(ids.get(i), ids.get(j)))) {
                    System.out.println("missed: " + identities.get(ids.get(i)) + "\n    vs " + identities.get(ids.get(j)));
                    shown++;
                }
            }
        }
    }

    private static Result score(List<LabelledChildren.Record> records, Map<UUID, Set<Integer>> truthOf,
                                Set<List<UUID>> candidates, int falseMerges, double threshold) {
        Map<Integer, List<UUID>> recordsOfChild = new HashMap<>();
        truthOf.forEach((record, truths) -> truths.forEach(t -> recordsOfChild.computeIfAbsent(t, x -> new ArrayList<>()).add(record)));
        int toReview = 0;
        int inQueue = 0;
        int connected = 0;
        int trueCandidates = 0;
        for (List<UUID> c : candidates) {
            Set<Integer> shared = new HashSet<>(truthOf.get(c.get(0)));
            shared.retainAll(truthOf.get(c.get(1)));
            if (!shared.isEmpty()) {
                trueCandidates++;
            }
        }
        for (List<UUID> group : recordsOfChild.values()) {
            Map<UUID, UUID> parent = new HashMap<>();
            group.forEach(g -> parent.put(g, g));
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (candidates.contains(pair(group.get(i), group.get(j)))) {
                        parent.put(find(parent, group.get(i)), find(parent, group.get(j)));
                    }
                }
            }
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    toReview++;
                    if (candidates.contains(pair(group.get(i), group.get(j)))) {
                        inQueue++;
                    }
                    if (find(parent, group.get(i)).equals(find(parent, group.get(j)))) {
                        connected++;
                    }
                }
            }
        }
        return new Result(recordsOfChild.size(), records.size(), truthOf.size(), toReview, inQueue, connected,
                candidates.size(), trueCandidates, falseMerges, threshold);
    }

    private static UUID find(Map<UUID, UUID> parent, UUID x) {
        while (!parent.get(x).equals(x)) {
            x = parent.get(x);
        }
        return x;
    }

    private static List<UUID> pair(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    /** The figures as a Markdown table row. */
    public static String row(Result r) {
        return String.format(Locale.ROOT, "| %.3f | %d | %d | %d | %d | %.3f | %.3f | %d | %.2f | %.2f | %d |",
                r.threshold(), r.children(), r.records(), r.childRecords(), r.pairsToReview(), r.recall(),
                r.connectedRecall(), r.candidates(), r.candidatesPerTruePair(), r.precision(), r.falseMerges());
    }

    public static final String HEADER = """
            | threshold | children | agency records | child records after deterministic keys | true pairs to review | recall (pairs in queue) | recall (joined through the queue) | candidates | candidates per true pair | precision | automatic joins of different children |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |""";

    /**
     * Prints the figures: {@code [children] [seed] [threshold...]}. With no threshold, the production
     * threshold and a sweep around it.
     */
    public static void main(String[] args) {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026L;
        List<Double> thresholds = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            thresholds.add(Double.parseDouble(args[i]));
        }
        if (thresholds.isEmpty()) {
            thresholds.addAll(List.of(0.80, 0.825, ChildMatcher.DEFAULT_THRESHOLD, 0.875, 0.90));
        }
        List<LabelledChildren.Record> records = LabelledChildren.generate(children, seed);
        System.out.println("Labelled data set: " + children + " children, seed " + seed + "; production threshold "
                + ChildMatcher.DEFAULT_THRESHOLD);
        System.out.println();
        System.out.println(HEADER);
        for (double t : thresholds) {
            System.out.println(row(run(records, new ChildMatcher(t), t)));
        }
    }
}
