package org.joinedup.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes of one event, with this project's extensions. The payload travels
 * separately as JSON (the CloudEvents {@code data}).
 *
 * @param id            CloudEvents {@code id}: the event id, unique across the platform
 * @param source        CloudEvents {@code source}: the producing service, e.g. {@code /concern-service}
 * @param type          CloudEvents {@code type}: the stable type name, e.g. {@code concern-raised}
 * @param subject       CloudEvents {@code subject}: the child id (agency or agreement id for directory events)
 * @param time          CloudEvents {@code time}: when the fact occurred
 * @param schemaVersion extension {@code schemaversion}
 * @param agencyId      extension {@code agencyid}: the agency on whose behalf it was recorded
 * @param actorId       extension {@code actorid}: the token subject that caused it
 * @param correlationId extension {@code correlationid}: ties together everything one request caused
 * @param causationId   extension {@code causationid}: the event or request that directly caused it (may be null)
 * @param recordedAt    extension {@code recordedat}: when the producing service recorded it (may be null)
 */
public record EventEnvelope(
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        int schemaVersion,
        String agencyId,
        String actorId,
        UUID correlationId,
        UUID causationId,
        Instant recordedAt) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
