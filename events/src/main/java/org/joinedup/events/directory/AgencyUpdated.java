package org.joinedup.events.directory;

import org.joinedup.events.EventPayload;

import java.time.Instant;
import java.util.List;

/** {@code agency-updated} v1: an agency's details changed; carries them all, as they now are. */
public record AgencyUpdated(String agencyId, String name, String kind, String area, Contact contact,
                            List<String> clientIds, String updatedBy, Instant occurredAt) implements EventPayload {
    public AgencyUpdated {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }

    @Override
    public String subject() {
        return agencyId;
    }
}
