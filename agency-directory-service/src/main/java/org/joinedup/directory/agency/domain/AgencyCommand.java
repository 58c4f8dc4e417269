package org.joinedup.directory.agency.domain;

import java.time.Instant;

/** What may be asked of an agency's stream ({@code agency-<agencyId>}); by a directory administrator ({@code actor}). */
public sealed interface AgencyCommand {

    record Register(AgencyDetails details, String actor, Instant at) implements AgencyCommand {
    }

    /** Replaces the agency's details. */
    record Update(AgencyDetails details, String actor, Instant at) implements AgencyCommand {
    }

    /** Agencies are never deleted: a deactivated one keeps its history. */
    record Deactivate(String agencyId, String reason, String actor, Instant at) implements AgencyCommand {
    }
}
