package org.joinedup.concern.child;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher's quality on the labelled data set, at the production threshold: a quality gate, not
 * a timing. The figures in docs/child-matching.md come from {@link MatchingEvaluation#main}.
 */
class ChildMatchingQualityTest {

    @Test
    void at_least_95_percent_of_true_pairs_reach_the_queue_with_at_most_3_candidates_per_true_pair() {
        List<LabelledChildren.Record> records = LabelledChildren.generate(3000, 7L);
        MatchingEvaluation.Result r = MatchingEvaluation.run(records, new ChildMatcher(), ChildMatcher.DEFAULT_THRESHOLD);
        String figures = MatchingEvaluation.HEADER + "\n" + MatchingEvaluation.row(r);
        assertTrue(r.pairsToReview() > 500, figures);
        assertTrue(r.recall() >= 0.95, figures);
        assertTrue(r.candidatesPerTruePair() <= 3.0, figures);
    }
}
