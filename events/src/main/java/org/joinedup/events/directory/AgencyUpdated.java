package org.joinedup.events.directory;


import java.time.Instant;
import java.util.List;

/**
 * {@code agency-updated} v1: an agency's details changed; carries them all, as they now are.
 *
 * @param frontDoorFor as in {@link AgencyRegistered#frontDoorFor()} (added within v1)
 */
public record AgencyUpdated(String agencyId, String name, String kind, String area, Contact contact,
                            List<String> clientIds, String updatedBy, Instant occurredAt,
                            List<String> frontDoorFor) implements AgencyEvent {
    public AgencyUpdated {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        frontDoorFor = frontDoorFor == null ? List.of() : List.copyOf(frontDoorFor);
    }

    /** An agency that is nobody's front door. */
    public AgencyUpdated(String agencyId, String name, String kind, String area, Contact contact,
                         List<String> clientIds, String updatedBy, Instant occurredAt) {
        this(agencyId, name, kind, area, contact, clientIds, updatedBy, occurredAt, List.of());
    }

    @Override
    public String subject() {
        return agencyId;
    }
}
