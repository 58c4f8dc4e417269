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
     * What a lead would face, counted over pairs of agency records about one child, as an independent
     * evaluation counts them.
     *
     * @param refused        records the API would refuse (must be 0)
     * @param truePairs      pairs of accepted records that are about one child
     * @param pairsJoined    of those, the pairs the automatic-join rule put in one child record
     * @param pairsQueued    of those, the pairs in two child records proposed to each other in the queue
     * @param candidates     every pair proposed, true or not
     * @param trueCandidates of those, the pairs about one child
     * @param wrongJoins     pairs of records about different children put in one child record: must be 0
     * @param byVariation    per variation: true pairs in which either record carries it, and of those found
     */
    public record Result(int children, int records, int refused, int childRecords, int truePairs, int pairsJoined,
                         int pairsQueued, int candidates, int trueCandidates, int wrongJoins, double threshold,
                         Map<String, int[]> byVariation) {
        /** True pairs joined or queued, of all true pairs. */
        public double recall() {
            return truePairs == 0 ? 1.0 : (double) (pairsJoined + pairsQueued) / truePairs;
        }

        /** Candidates per true pair that needed review: the lead's load. */
        public double candidatesPerTruePair() {
            int toReview = truePairs - pairsJoined;
            return toReview == 0 ? 0 : (double) candidates / toReview;
        }

        public double precision() {
            return candidates == 0 ? 1.0 : (double) trueCandidates / candidates;
        }

        public double recall(String variation) {
            int[] counts = byVariation.get(variation);
            return counts == null || counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0];
        }
    }

    private MatchingEvaluation() {
    }

    /** What each record posts, as the API turns it into an identification; null when the API refuses it. */
    static org.joinedup.events.concern.ChildIdentification accepted(LabelledChildren.Record record) {
        try {
            return new org.joinedup.concern.concern.RaiseConcernRequest(record.child(), "neglect", null, "medium",
                    "Seen alone at night.", null, "2026-11-20T22:00:00Z")
                    .toCommand(UUID.randomUUID(), record.agency(), "evaluation", TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
                    .child();
        } catch (org.joinedup.platform.http.ProblemException e) {
            return null;
        }
    }

    public static Result run(List<LabelledChildren.Record> records, ChildMatcher matcher, double threshold) {
        Map<String, Set<UUID>> keys = new HashMap<>();
        Map<UUID, Set<Integer>> truthOf = new HashMap<>();
        Map<UUID, List<ChildIdentity>> identities = new HashMap<>();
        Map<String, Set<UUID>> blocks = new HashMap<>();
        Set<List<UUID>> candidates = new HashSet<>();
        List<UUID> childOf = new ArrayList<>();
        int refused = 0;
        for (LabelledChildren.Record record : records) {
            org.joinedup.events.concern.ChildIdentification identification = accepted(record);
            if (identification == null) {
                refused++;
                childOf.add(null);
                continue;
            }
            ChildIdentity incoming = ChildIdentity.of(null, identification);
            List<String> matchKeys = ChildMatchKeys.of(incoming);
            Map<UUID, List<ChildIdentity>> holders = new LinkedHashMap<>();
            matchKeys.forEach(k -> keys.getOrDefault(k, Set.of()).forEach(h -> holders.put(h, identities.get(h))));
            AutomaticJoin.Resolution rule = AutomaticJoin.resolve(incoming, holders);
            UUID child = rule.joinTo() == null ? UUID.randomUUID() : rule.joinTo();
            List<UUID> review = List.copyOf(rule.review().keySet());
            childOf.add(child);
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
        Result result = score(records, childOf, refused, truthOf, candidates, threshold);
        int wrong = Integer.parseInt(System.getenv().getOrDefault("WRONG", "0"));
        for (List<UUID> c : candidates) {
            Set<Integer> shared = new HashSet<>(truthOf.get(c.get(0)));
            shared.retainAll(truthOf.get(c.get(1)));
            if (shared.isEmpty() && wrong-- > 0) {
                System.out.println("wrong: " + identities.get(c.get(0)) + "\n    vs " + identities.get(c.get(1)) + "\n    "
                        + matcher.best(identities.get(c.get(0)).get(0), identities.get(c.get(1))));
            }
        }
        int show = Integer.parseInt(System.getenv().getOrDefault("MISSES", "0"));
        if (show > 0) {
            printMisses(records, childOf, identities, candidates, System.getenv().getOrDefault("MISSES_OF", ""), show);
        }
        return result;
    }

    /** Prints missed true pairs (synthetic data), optionally of one variation, to see what the matcher cannot reach. */
    private static void printMisses(List<LabelledChildren.Record> records, List<UUID> childOf,
                                    Map<UUID, List<ChildIdentity>> identities, Set<List<UUID>> candidates,
                                    String variation, int show) {
        Map<Integer, List<Integer>> byChild = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (childOf.get(i) != null) {
                byChild.computeIfAbsent(records.get(i).trueChild(), x -> new ArrayList<>()).add(i);
            }
        }
        int shown = 0;
        for (List<Integer> group : byChild.values()) {
            for (int i = 0; i < group.size() && shown < show; i++) {
                for (int j = i + 1; j < group.size() && shown < show; j++) {
                    UUID a = childOf.get(group.get(i));
                    UUID b = childOf.get(group.get(j));
                    Set<String> tags = new java.util.TreeSet<>(records.get(group.get(i)).variations());
                    tags.addAll(records.get(group.get(j)).variations());
                    if (!a.equals(b) && !candidates.contains(pair(a, b)) && (variation.isEmpty() || tags.contains(variation))) {
                        System.out.println("missed " + tags + ": " + records.get(group.get(i)).child() + "\n    vs "
                                + records.get(group.get(j)).child() + "\n    "
                                + ChildMatcher.compare(identities.get(a).get(0), identities.get(b).get(0)));
                        shown++;
                    }
                }
            }
        }
    }

    private static Result score(List<LabelledChildren.Record> records, List<UUID> childOf, int refused,
                                Map<UUID, Set<Integer>> truthOf, Set<List<UUID>> candidates, double threshold) {
        Map<Integer, List<Integer>> byChild = new HashMap<>();
        Map<UUID, List<Integer>> byRecord = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (childOf.get(i) != null) {
                byChild.computeIfAbsent(records.get(i).trueChild(), x -> new ArrayList<>()).add(i);
                byRecord.computeIfAbsent(childOf.get(i), x -> new ArrayList<>()).add(i);
            }
        }
        int truePairs = 0;
        int joined = 0;
        int queued = 0;
        Map<String, int[]> byVariation = new java.util.TreeMap<>();
        for (List<Integer> group : byChild.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    UUID a = childOf.get(group.get(i));
                    UUID b = childOf.get(group.get(j));
                    truePairs++;
                    boolean found = a.equals(b) || candidates.contains(pair(a, b));
                    if (a.equals(b)) {
                        joined++;
                    } else if (found) {
                        queued++;
                    }
                    Set<String> tags = new java.util.TreeSet<>(records.get(group.get(i)).variations());
                    tags.addAll(records.get(group.get(j)).variations());
                    for (String tag : tags) {
                        int[] counts = byVariation.computeIfAbsent(tag, t -> new int[2]);
                        counts[0]++;
                        counts[1] += found ? 1 : 0;
                    }
                }
            }
        }
        int wrongJoins = 0;
        for (List<Integer> group : byRecord.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (records.get(group.get(i)).trueChild() != records.get(group.get(j)).trueChild()) {
                        wrongJoins++;
                    }
                }
            }
        }
        int trueCandidates = 0;
        for (List<UUID> c : candidates) {
            Set<Integer> shared = new HashSet<>(truthOf.get(c.get(0)));
            shared.retainAll(truthOf.get(c.get(1)));
            if (!shared.isEmpty()) {
                trueCandidates++;
            }
        }
        return new Result(byChild.size(), records.size(), refused, truthOf.size(), truePairs, joined, queued,
                candidates.size(), trueCandidates, wrongJoins, threshold, byVariation);
    }

    private static List<UUID> pair(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    /** The figures as a Markdown table row. */
    public static String row(Result r) {
        return String.format(Locale.ROOT, "| %.3f | %d | %d | %d | %d | %d | %d | %.3f | %d | %.2f | %.2f | %d |",
                r.threshold(), r.children(), r.records(), r.refused(), r.truePairs(), r.pairsJoined(), r.pairsQueued(),
                r.recall(), r.candidates(), r.candidatesPerTruePair(), r.precision(), r.wrongJoins());
    }

    public static final String HEADER = """
            | threshold | children | agency records | refused | true record pairs | joined | queued | recall (joined or queued) | candidates | candidates per true pair to review | precision | record pairs of different children joined |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |""";

    /** Recall by variation, lowest first, as a Markdown table. */
    public static String byVariation(Result r) {
        StringBuilder s = new StringBuilder("| variation (in either record of the pair) | true pairs | recall |\n| --- | ---: | ---: |\n");
        r.byVariation().entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble(e -> (double) e.getValue()[1] / e.getValue()[0]))
                .forEach(e -> s.append(String.format(Locale.ROOT, "| %s | %d | %.3f |%n", e.getKey(), e.getValue()[0],
                        (double) e.getValue()[1] / e.getValue()[0])));
        return s.toString();
    }

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
            thresholds.addAll(List.of(0.75, ChildMatcher.DEFAULT_THRESHOLD, 0.85, 0.90));
        }
        List<LabelledChildren.Record> records = LabelledChildren.generate(children, seed);
        System.out.println("Labelled data set: " + children + " children, seed " + seed + "; production threshold "
                + ChildMatcher.DEFAULT_THRESHOLD);
        System.out.println();
        System.out.println(HEADER);
        Result production = null;
        for (double t : thresholds) {
            Result r = run(records, new ChildMatcher(t), t);
            System.out.println(row(r));
            if (t == ChildMatcher.DEFAULT_THRESHOLD) {
                production = r;
            }
        }
        if (production != null) {
            System.out.println();
            System.out.println("Recall by variation at the production threshold:");
            System.out.println();
            System.out.print(byVariation(production));
        }
    }
}
