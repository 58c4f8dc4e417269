package org.joinedup.events.directory;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.List;

/**
 * {@code agency-registered} v1: an agency joined the directory.
 *
 * @param kind      an {@link AgencyKind} wire name
 * @param area      the local authority area it serves
 * @param clientIds the OIDC client ids that act for it (its case systems)
 */
public record AgencyRegistered(String agencyId, String name, String kind, String area, Contact contact,
                               List<String> clientIds, String registeredBy, Instant occurredAt)
        implements EventPayload {
    public AgencyRegistered {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }

    @Override
    public String subject() {
        return agencyId;
    }
}
