package org.joinedup.events.directory;


import java.time.Instant;
import java.util.List;

/**
 * {@code agency-registered} v1: an agency joined the directory.
 *
 * @param kind         an {@link AgencyKind} wire name
 * @param area         the local authority area it serves
 * @param clientIds    the OIDC client ids that act for it (its case systems)
 * @param frontDoorFor for children's social care only: the postcode districts ({@code N17}) and sectors
 *                     ({@code N4 1}) where it is the front door (the local authority of the area where a
 *                     child lives); empty when none (added within v1: readers that do not know it ignore it)
 */
public record AgencyRegistered(String agencyId, String name, String kind, String area, Contact contact,
                               List<String> clientIds, String registeredBy, Instant occurredAt,
                               List<String> frontDoorFor) implements AgencyEvent {
    public AgencyRegistered {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        frontDoorFor = frontDoorFor == null ? List.of() : List.copyOf(frontDoorFor);
    }

    /** An agency that is nobody's front door. */
    public AgencyRegistered(String agencyId, String name, String kind, String area, Contact contact,
                            List<String> clientIds, String registeredBy, Instant occurredAt) {
        this(agencyId, name, kind, area, contact, clientIds, registeredBy, occurredAt, List.of());
    }

    @Override
    public String subject() {
        return agencyId;
    }
}
