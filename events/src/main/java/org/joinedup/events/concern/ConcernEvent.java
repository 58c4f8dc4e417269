package org.joinedup.events.concern;

import org.joinedup.events.EventPayload;

/**
 * The events of one concern's stream ({@code concern-<concernId>}): raised, then amended or withdrawn. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface ConcernEvent extends EventPayload
        permits ConcernRaised, ConcernAmended, ConcernWithdrawn {
}
