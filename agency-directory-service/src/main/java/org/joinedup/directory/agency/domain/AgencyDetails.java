package org.joinedup.directory.agency.domain;

import org.joinedup.events.directory.Contact;

import java.util.List;

/** An agency's details, checked: its id, name, kind, area, contact, client ids, and the postcodes it is the front door for. */
public record AgencyDetails(String agencyId, String name, String kind, String area, Contact contact, List<String> clientIds,
                            List<String> frontDoorFor) {
}
