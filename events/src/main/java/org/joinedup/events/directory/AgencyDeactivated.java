package org.joinedup.events.directory;


import java.time.Instant;

/** {@code agency-deactivated} v1: the agency no longer takes part; it stays in the directory's history. */
public record AgencyDeactivated(String agencyId, String reason, String deactivatedBy, Instant occurredAt)
        implements AgencyEvent {
    @Override
    public String subject() {
        return agencyId;
    }
}
