package org.joinedup.events.directory;

import org.joinedup.events.EventPayload;

/**
 * The events of one agency's stream ({@code agency-<agencyId>}): registered, updated, deactivated. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface AgencyEvent extends EventPayload
        permits AgencyRegistered, AgencyUpdated, AgencyDeactivated {
}
