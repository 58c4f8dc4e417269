package org.joinedup.directory.agency;

import org.joinedup.directory.agency.domain.AgencyDetails;

import org.joinedup.directory.validation.Fields;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.directory.Contact;
import org.joinedup.platform.http.FieldErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /agencies} (with {@code agencyId}) and {@code PUT /agencies/{id}}
 * (without). The contact is a role mailbox or a duty phone, not a named person.
 */
public record AgencyRequest(String agencyId, String name, String kind, String area, ContactRequest contact,
                            List<String> clientIds, List<String> frontDoorFor) {

    public record ContactRequest(String mailbox, String phone) {
    }

    /** The checked details of an agency. */

    /** How many postcode districts and sectors one front door may name. */
    public static final int MAX_FRONT_DOOR_CODES = 1000;

    private static final String MAILBOX = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String PHONE = "\\+?[0-9][0-9 ()-]{5,19}";
    private static final String CLIENT_ID = "[A-Za-z0-9._:-]{1,100}";

    /** For registration: the id comes from the body. */
    public AgencyDetails toDetails() {
        FieldErrors errors = new FieldErrors();
        String id = Fields.agencyId(errors, "agencyId", agencyId);
        return details(errors, id);
    }

    /** For an update: the id comes from the path, and the body must not name another. */
    public AgencyDetails toDetails(String pathId) {
        FieldErrors errors = new FieldErrors();
        if (agencyId != null && !agencyId.equals(pathId)) {
            errors.add("agencyId", "immutable", "an agency's id cannot change; leave it out or repeat " + pathId);
        }
        return details(errors, pathId);
    }

    private AgencyDetails details(FieldErrors errors, String id) {
        String checkedName = errors.text("name", name, 200);
        String checkedKind = Fields.vocabulary(errors, "kind", kind, AgencyKind.class, "known-agency-kind");
        String checkedArea = errors.text("area", area, 100);
        Contact checkedContact = null;
        if (contact == null || (Fields.blank(contact.mailbox()) && Fields.blank(contact.phone()))) {
            errors.add("contact", "contact-point-required", "needs a role mailbox or a duty phone number");
        } else {
            String mailbox = Fields.blank(contact.mailbox()) ? null : contact.mailbox().trim();
            String phone = Fields.blank(contact.phone()) ? null : contact.phone().trim();
            if (mailbox != null && !mailbox.matches(MAILBOX)) {
                errors.add("contact.mailbox", "mailbox-format", "must be an e-mail address, e.g. mash@haringey.gov.uk");
            }
            if (phone != null && !phone.matches(PHONE)) {
                errors.add("contact.phone", "phone-format", "must be a phone number, e.g. 020 7946 0000");
            }
            checkedContact = new Contact(mailbox, phone);
        }
        List<String> clients = new ArrayList<>();
        if (clientIds != null) {
            for (int i = 0; i < clientIds.size(); i++) {
                String c = clientIds.get(i);
                if (c == null || !c.matches(CLIENT_ID)) {
                    errors.add("clientIds[" + i + "]", "client-id-format", "must be an OIDC client id (letters, digits, . _ : -)");
                } else if (clients.contains(c)) {
                    errors.add("clientIds[" + i + "]", "unique", "is listed twice");
                } else {
                    clients.add(c);
                }
            }
        }
        List<String> frontDoor = frontDoor(errors, checkedKind);
        errors.throwIfAny();
        return new AgencyDetails(id, checkedName, checkedKind, checkedArea, checkedContact, clients, frontDoor);
    }

    /**
     * The postcode districts and sectors where a children's social care agency is the front door: each
     * a district ({@code N17}) or a sector ({@code N4 1}), named once; no other kind of agency has any.
     */
    private List<String> frontDoor(FieldErrors errors, String checkedKind) {
        List<String> codes = new ArrayList<>();
        if (frontDoorFor == null || frontDoorFor.isEmpty()) {
            return codes;
        }
        if (checkedKind != null && !AgencyKind.CHILDRENS_SOCIAL_CARE.wireName().equals(checkedKind)) {
            errors.add("frontDoorFor", "front-door-kind", "only a childrens-social-care agency is a child's front door");
            return codes;
        }
        if (frontDoorFor.size() > MAX_FRONT_DOOR_CODES) {
            errors.add("frontDoorFor", "max-items", "must name at most " + MAX_FRONT_DOOR_CODES + " districts and sectors");
            return codes;
        }
        for (int i = 0; i < frontDoorFor.size(); i++) {
            String field = "frontDoorFor[" + i + "]";
            var code = org.joinedup.directory.view.Postcodes.coverageCode(frontDoorFor.get(i));
            if (code.isEmpty()) {
                errors.add(field, "postcode-district-or-sector",
                        "must be a postcode district (e.g. N17) or sector (e.g. N4 1)");
            } else if (codes.contains(code.get())) {
                errors.add(field, "unique", "is listed twice");
            } else {
                codes.add(code.get());
            }
        }
        return codes;
    }
}
