package org.joinedup.referral.frontdoor;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.directory.view.Postcodes;
import org.joinedup.needtoknow.FrontDoorRule;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The front doors a contact about a child goes to: the same {@link FrontDoorRule} the need-to-know policy
 * uses, over what this service knows of the child's places, with the contact's own place and agency added,
 * so the answer does not wait on the need-to-know model having read the same concern.
 */
@ApplicationScoped
public class FrontDoors {
    private final NeedToKnowFacts facts;
    private final DataSource dataSource;

    public FrontDoors(NeedToKnowFacts facts, DataSource dataSource) {
        this.facts = facts;
        this.dataSource = dataSource;
    }

    /**
     * @param postcode   the postcode the contact gave for the child, if any
     * @param fromAgency the agency the contact came from: its area counts when no place settles it
     */
    public Set<String> of(UUID childId, String postcode, String fromAgency) {
        NeedToKnowFacts.Group group = facts.groups(List.of(childId)).get(childId);
        List<Postcodes.Place> places = new ArrayList<>(group == null ? List.of() : group.places());
        Optional<Postcodes.Place> own = postcode == null ? Optional.empty() : Postcodes.place(postcode);
        own.ifPresent(places::add);
        List<FrontDoorRule.FrontDoor> agencies = facts.frontDoorAgencies();
        return FrontDoorRule.frontDoors(places, () -> {
            Set<String> areas = new LinkedHashSet<>(group == null ? Set.of() : facts.recordingAreas(group.records()));
            Jdbc.query(dataSource, "select area from directory_agency where agency_id = ? and area is not null",
                    rs -> areas.add(rs.getString(1)), fromAgency);
            return areas;
        }, agencies);
    }

    /** Whether the agency is a front door (an active children's social care agency). */
    public boolean isFrontDoor(String agencyId) {
        return facts.frontDoorAgencies().stream().anyMatch(a -> a.agencyId().equals(agencyId));
    }
}
