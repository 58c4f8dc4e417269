package org.joinedup.concern.access.domain;

import org.joinedup.events.access.EmergencyAccessAcknowledged;
import org.joinedup.events.access.EmergencyAccessEvent;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Given a grant's past events, when a lead opens a picture or an agency told of it acknowledges, then these events. */
class EmergencyAccessDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T23:40:00Z");
    static final UUID GRANT = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final EmergencyAccessGranted GRANTED = new EmergencyAccessGranted(GRANT, CHILD, "safe-steps", "lead-9",
            "afraid to go home; the MASH line is closed tonight", NOW, NOW.plusSeconds(86_400), List.of("met-police", "haringey-csc"));

    final DeciderSpec<EmergencyAccessCommand, EmergencyAccessState, EmergencyAccessEvent> grant =
            DeciderSpec.of(new EmergencyAccessDecider());

    @Test
    void a_grant_names_every_agency_it_tells_and_when_it_ends() {
        EmergencyAccessCommand.Grant command = new EmergencyAccessCommand.Grant(GRANT, CHILD, "safe-steps", "lead-9",
                "afraid to go home; the MASH line is closed tonight", NOW.plusSeconds(86_400), List.of("met-police", "haringey-csc"),
                NOW);
        grant.when(command).then(GRANTED);
        grant.when(command).conflict("grant-exists");
    }

    @Test
    void each_agency_told_acknowledges_once_and_an_agency_not_told_finds_no_notice() {
        grant.given(GRANTED);
        grant.when(new EmergencyAccessCommand.Acknowledge(GRANT, "northside-primary", "dsl-1", NOW)).notFound();
        grant.when(new EmergencyAccessCommand.Acknowledge(GRANT, "met-police", "pc-1", NOW))
                .then(new EmergencyAccessAcknowledged(GRANT, CHILD, "met-police", "pc-1", NOW));
        grant.when(new EmergencyAccessCommand.Acknowledge(GRANT, "met-police", "pc-2", NOW)).thenNothing();
        grant.when(new EmergencyAccessCommand.Acknowledge(GRANT, "haringey-csc", "sw-1", NOW))
                .then(new EmergencyAccessAcknowledged(GRANT, CHILD, "haringey-csc", "sw-1", NOW));
    }

    @Test
    void no_grant_no_notice() {
        grant.when(new EmergencyAccessCommand.Acknowledge(GRANT, "met-police", "pc-1", NOW)).notFound();
    }
}
