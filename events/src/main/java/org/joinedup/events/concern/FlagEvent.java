package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

/**
 * The events of one bigger-picture flag's stream ({@code flag-<flagId>}): raised, acknowledged, cleared. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface FlagEvent extends EventPayload
        permits BiggerPictureFlagRaised, BiggerPictureFlagAcknowledged, BiggerPictureFlagCleared {
}
