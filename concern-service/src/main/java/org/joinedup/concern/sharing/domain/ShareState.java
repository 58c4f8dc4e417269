package org.joinedup.concern.sharing.domain;

import org.joinedup.events.concern.InformationShareAcknowledged;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.concern.ShareEvent;

/** What a share's events say about it now. */
public sealed interface ShareState {

    record None() implements ShareState {
    }

    record Shared(InformationShared shared, boolean acknowledged) implements ShareState {
    }

    static ShareState evolve(ShareState state, ShareEvent event) {
        return switch (event) {
            case InformationShared s when state instanceof None -> new Shared(s, false);
            case InformationShareAcknowledged a when state instanceof Shared s -> new Shared(s.shared(), true);
            case InformationShared s -> throw new IllegalStateException("information-shared twice in one stream");
            case InformationShareAcknowledged a -> throw new IllegalStateException("information-share-acknowledged before information-shared");
        };
    }
}
