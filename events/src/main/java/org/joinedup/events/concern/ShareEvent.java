package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

/**
 * The events of one share's stream ({@code share-<shareId>}): shared, then acknowledged by the recipient. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface ShareEvent extends EventPayload
        permits InformationShared, InformationShareAcknowledged {
}
