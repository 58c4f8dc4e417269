package org.joinedup.concern.picture.domain;

import org.joinedup.events.concern.BiggerPictureFlagAcknowledged;
import org.joinedup.events.concern.BiggerPictureFlagCleared;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.events.concern.FlagEvent;

/** What a flag's events say about it now. */
public sealed interface FlagState {

    /** Where a flag stands: open when raised, then acknowledged, then cleared for good. */
    enum Status {
        OPEN("open"), ACKNOWLEDGED("acknowledged"), CLEARED("cleared");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    record None() implements FlagState {
    }

    record Flag(BiggerPictureFlagRaised raised, Status status) implements FlagState {
    }

    static FlagState evolve(FlagState state, FlagEvent event) {
        return switch (event) {
            case BiggerPictureFlagRaised r when state instanceof None -> new Flag(r, Status.OPEN);
            case BiggerPictureFlagAcknowledged a when state instanceof Flag f -> new Flag(f.raised(), Status.ACKNOWLEDGED);
            case BiggerPictureFlagCleared c when state instanceof Flag f -> new Flag(f.raised(), Status.CLEARED);
            case BiggerPictureFlagRaised r -> throw new IllegalStateException("a flag is raised once");
            case BiggerPictureFlagAcknowledged a -> throw new IllegalStateException("acknowledged before raised");
            case BiggerPictureFlagCleared c -> throw new IllegalStateException("cleared before raised");
        };
    }
}
