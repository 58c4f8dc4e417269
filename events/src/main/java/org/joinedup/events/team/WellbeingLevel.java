package org.joinedup.events.team;

import org.joinedup.events.WireNamed;

import java.util.Optional;

/**
 * The fixed scale a Team Around the Child rates a SHANARRI wellbeing indicator on at a plan review:
 * words first, with a score from 1 to 5 so that progress across reviews can be compared.
 */
public enum WellbeingLevel implements WireNamed {
    SIGNIFICANT_CONCERN("significant-concern", 1, "Significant concern: the child's needs here are not being met"),
    SOME_CONCERN("some-concern", 2, "Some concern: the child's needs here are met only in part, with risks"),
    PARTLY_MET("partly-met", 3, "Partly met: some needs are met, some are not yet"),
    MOSTLY_MET("mostly-met", 4, "Mostly met: the child's needs here are met most of the time"),
    THRIVING("thriving", 5, "Thriving: the child's needs here are fully met");

    private final String wireName;
    private final int score;
    private final String words;

    WellbeingLevel(String wireName, int score, String words) {
        this.wireName = wireName;
        this.score = score;
        this.words = words;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** 1 (significant concern) to 5 (thriving). */
    public int score() {
        return score;
    }

    /** What the level means, as the team and the console say it. */
    public String words() {
        return words;
    }

    public static Optional<WellbeingLevel> fromWireName(String name) {
        return WireNamed.fromWireName(WellbeingLevel.class, name);
    }
}
