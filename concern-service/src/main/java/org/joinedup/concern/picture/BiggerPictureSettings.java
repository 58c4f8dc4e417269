package org.joinedup.concern.picture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The bigger-picture rules' thresholds: configuration, with these defaults. */
@ConfigMapping(prefix = "joinedup.bigger-picture")
public interface BiggerPictureSettings {
    /** several-agencies: at least this many agencies... */
    @WithName("several-agencies.min-agencies")
    @WithDefault("2")
    int minAgencies();

    /** ...hold concerns that happened within this span of each other. */
    @WithName("several-agencies.window")
    @WithDefault("P90D")
    Duration agenciesWindow();

    /** frequent-concerns: at least this many concerns... */
    @WithName("frequent-concerns.min-concerns")
    @WithDefault("3")
    int minConcerns();

    /** ...that happened within this span of each other. */
    @WithName("frequent-concerns.window")
    @WithDefault("P30D")
    Duration concernsWindow();

    /** highest-risk: any concern at this risk level. */
    @WithName("highest-risk.level")
    @WithDefault("immediate")
    String highestRiskLevel();
}
