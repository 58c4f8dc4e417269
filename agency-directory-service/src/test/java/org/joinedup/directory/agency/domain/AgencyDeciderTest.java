package org.joinedup.directory.agency.domain;

import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyEvent;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;
import org.joinedup.events.directory.Contact;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given an agency's past events, when a directory administrator acts, then these events or a named refusal. */
class AgencyDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Contact CONTACT = new Contact("mash@haringey.example", "020 7000 0000");
    static final AgencyDetails CSC = new AgencyDetails("haringey-csc", "Haringey Children's Social Care", "childrens-social-care",
            "Haringey", CONTACT, List.of("haringey-csc-system"), List.of("N15", "N17"));

    final DeciderSpec<AgencyCommand, AgencyState, AgencyEvent> agency = DeciderSpec.of(new AgencyDecider());

    @Test
    void an_agency_is_registered_once_under_its_id() {
        agency.when(new AgencyCommand.Register(CSC, "admin-1", NOW)).then(new AgencyRegistered("haringey-csc",
                "Haringey Children's Social Care", "childrens-social-care", "Haringey", CONTACT, List.of("haringey-csc-system"),
                "admin-1", NOW, List.of("N15", "N17")));
        agency.when(new AgencyCommand.Register(CSC, "admin-1", NOW)).conflict("agency-exists");
        assertEquals(1, agency.state().version());
    }

    @Test
    void an_active_agency_is_updated_and_deactivated_and_then_changes_no_more() {
        agency.givenAccepted(new AgencyCommand.Register(CSC, "admin-1", NOW));
        agency.when(new AgencyCommand.Update(CSC, "admin-2", NOW)).thenEvents(e -> assertEquals(AgencyUpdated.class,
                e.get(0).getClass()));
        agency.when(new AgencyCommand.Deactivate("haringey-csc", "merged", "admin-2", NOW))
                .then(new AgencyDeactivated("haringey-csc", "merged", "admin-2", NOW));
        agency.when(new AgencyCommand.Update(CSC, "admin-2", NOW)).conflict("agency-deactivated");
        agency.when(new AgencyCommand.Deactivate("haringey-csc", "again", "admin-2", NOW)).conflict("agency-deactivated");
    }

    @Test
    void an_unknown_agency_is_not_found() {
        agency.when(new AgencyCommand.Update(CSC, "admin-2", NOW)).notFound();
        agency.when(new AgencyCommand.Deactivate("haringey-csc", "merged", "admin-2", NOW)).notFound();
    }
}
