package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

/**
 * The events of one link between child records ({@code child-link-<linkId>}): linked, then perhaps unlinked. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface ChildLinkEvent extends EventPayload
        permits ChildRecordsLinked, ChildRecordsUnlinked {
}
