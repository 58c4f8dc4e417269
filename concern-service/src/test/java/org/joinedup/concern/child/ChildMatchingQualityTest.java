package org.joinedup.concern.child;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher's quality on the labelled data set, at the production threshold: a quality gate, not
 * a timing. The figures in docs/child-matching.md come from {@link MatchingEvaluation#main}.
 */
class ChildMatchingQualityTest {

    @Test
    void no_record_refused_no_different_children_joined_and_95_percent_of_true_pairs_found_at_a_review_load_of_1_5() {
        List<LabelledChildren.Record> records = LabelledChildren.generate(3000, 7L);
        MatchingEvaluation.Result r = MatchingEvaluation.run(records, new ChildMatcher(), ChildMatcher.DEFAULT_THRESHOLD);
        String figures = MatchingEvaluation.HEADER + "\n" + MatchingEvaluation.row(r) + "\n\n" + MatchingEvaluation.byVariation(r);
        assertTrue(r.truePairs() - r.pairsJoined() > 500, figures);
        assertEquals(0, r.refused(), figures);
        assertEquals(0, r.wrongJoins(), figures);
        assertTrue(r.recall() >= 0.95, figures);
        assertTrue(r.candidatesPerTruePair() <= 1.5, figures);
    }

    @Test
    void every_variation_the_generator_makes_is_in_the_data_set_and_measured() {
        MatchingEvaluation.Result r = MatchingEvaluation.run(LabelledChildren.generate(3000, 7L), new ChildMatcher(),
                ChildMatcher.DEFAULT_THRESHOLD);
        for (String tag : LabelledChildren.TAGS) {
            assertTrue(r.byVariation().containsKey(tag) && r.byVariation().get(tag)[0] > 0, tag + " never occurs: "
                    + r.byVariation().keySet());
        }
    }
}
