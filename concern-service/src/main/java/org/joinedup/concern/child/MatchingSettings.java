package org.joinedup.concern.child;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sure the matcher must be before a pair of child records goes to the review queue. */
@ConfigMapping(prefix = "joinedup.child-matching")
public interface MatchingSettings {
    /** The score (0 to 1) at or above which a pair becomes a candidate; see docs/child-matching.md. */
    @WithDefault("0.80")
    double threshold();
}
