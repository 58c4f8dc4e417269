package org.joinedup.concern.picture.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What may be asked of a bigger-picture flag's stream ({@code flag-<flagId>}). */
public sealed interface FlagCommand {

    /** The rules fired on a picture not flagged before: raise a flag naming the pieces and agencies behind it. */
    record Raise(UUID flagId, UUID childId, String rule, List<UUID> concernIds, List<UUID> shareIds, List<String> agencies,
                 String summary, Instant at) implements FlagCommand {
        public Raise {
            concernIds = List.copyOf(concernIds);
            shareIds = List.copyOf(shareIds);
            agencies = List.copyOf(agencies);
        }
    }

    /** A lead has seen the flag and is acting on it. */
    record Acknowledge(UUID flagId, String reason, String actor, Instant at) implements FlagCommand {
    }

    /** A lead closes the flag. */
    record Clear(UUID flagId, String reason, String actor, Instant at) implements FlagCommand {
    }
}
