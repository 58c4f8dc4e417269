package org.joinedup.events.directory;

import org.joinedup.events.EventPayload;

import java.time.Instant;

/** {@code agency-deactivated} v1: the agency no longer takes part; it stays in the directory's history. */
public record AgencyDeactivated(String agencyId, String reason, String deactivatedBy, Instant occurredAt)
        implements EventPayload {
    @Override
    public String subject() {
        return agencyId;
    }
}
