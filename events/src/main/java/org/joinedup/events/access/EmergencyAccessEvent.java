package org.joinedup.events.access;

import org.joinedup.events.EventPayload;

/**
 * The events of one break-glass grant ({@code emergency-access-<grantId>}): granted, then acknowledged by each agency told. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface EmergencyAccessEvent extends EventPayload
        permits EmergencyAccessGranted, EmergencyAccessAcknowledged {
}
