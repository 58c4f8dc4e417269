package org.joinedup.directory.view;

import org.joinedup.events.directory.Contact;

import java.util.List;

/**
 * An agency as the directory knows it now.
 *
 * @param frontDoorFor the postcode districts and sectors where it is a child's front door (children's
 *                     social care only; empty otherwise)
 */
public record AgencyView(String agencyId, String name, String kind, String area, Contact contact,
                         List<String> clientIds, boolean active, int version, List<String> frontDoorFor) {
}
