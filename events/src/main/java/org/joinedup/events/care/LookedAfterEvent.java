package org.joinedup.events.care;

import org.joinedup.events.EventPayload;

/**
 * The events of one episode of a child being looked after by a local authority
 * ({@code looked-after-<episodeId>}): started under a legal status, the status changed, ended, and an
 * emergency protection order running out. Recorded by the local authority. A sealed family.
 */
public sealed interface LookedAfterEvent extends EventPayload
        permits LookedAfterStarted, LookedAfterLegalStatusChanged, LookedAfterEnded, EmergencyProtectionOrderExpired {
}
