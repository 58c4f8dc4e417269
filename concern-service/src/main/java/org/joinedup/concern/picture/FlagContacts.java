package org.joinedup.concern.picture;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.directory.view.AgencyView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.directory.Contact;

import java.util.List;

/**
 * Whom an agency should contact about a flag: children's social care (the front door for
 * safeguarding) in the agency's own area, from the directory; every active children's social care
 * agency when the area has none.
 */
@ApplicationScoped
public class FlagContacts {
    private final DirectoryQueries directory;

    public FlagContacts(DirectoryQueries directory) {
        this.directory = directory;
    }

    /** One agency to contact. */
    public record FlagContact(String agencyId, String name, Contact contact) {
    }

    public List<FlagContact> forAgency(String agencyId) {
        String kind = AgencyKind.CHILDRENS_SOCIAL_CARE.wireName();
        String area = directory.agency(agencyId).map(AgencyView::area).orElse(null);
        List<AgencyView> found = area == null ? List.of() : directory.searchAgencies(kind, area, null, false);
        if (found.isEmpty()) {
            found = directory.searchAgencies(kind, null, null, false);
        }
        return found.stream().map(a -> new FlagContact(a.agencyId(), a.name(), a.contact())).toList();
    }
}
