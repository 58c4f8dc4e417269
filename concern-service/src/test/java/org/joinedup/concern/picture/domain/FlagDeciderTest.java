package org.joinedup.concern.picture.domain;

import org.joinedup.events.concern.BiggerPictureFlagAcknowledged;
import org.joinedup.events.concern.BiggerPictureFlagCleared;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.events.concern.FlagEvent;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given a flag's past events, when a lead acknowledges or clears it, then these events or a named refusal. */
class FlagDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final UUID FLAG = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final UUID CONCERN = UUID.randomUUID();
    static final BiggerPictureFlagRaised RAISED = new BiggerPictureFlagRaised(FLAG, CHILD, "several-agencies",
            List.of(CONCERN), List.of(), List.of("met-police", "whittington-health"), "2 agencies", NOW);
    static final BiggerPictureFlagAcknowledged ACKNOWLEDGED = new BiggerPictureFlagAcknowledged(FLAG, CHILD,
            "strategy discussion booked", "lead-1", NOW);

    DeciderSpec<FlagCommand, FlagState, FlagEvent> flag = DeciderSpec.of(new FlagDecider());

    @Test
    void given_no_flag_when_the_rules_raise_one_then_it_is_raised_open_once() {
        FlagCommand.Raise raise = new FlagCommand.Raise(FLAG, CHILD, "several-agencies", List.of(CONCERN), List.of(),
                List.of("met-police", "whittington-health"), "2 agencies", NOW);
        flag.when(raise).then(RAISED);
        assertEquals(FlagState.Status.OPEN, ((FlagState.Flag) flag.state()).status());
        flag.when(raise).conflict("flag-exists");
    }

    @Test
    void given_an_open_flag_when_acknowledged_then_acknowledged_with_who_and_why() {
        flag.given(RAISED).when(new FlagCommand.Acknowledge(FLAG, "strategy discussion booked", "lead-1", NOW))
                .then(ACKNOWLEDGED);
        assertEquals(FlagState.Status.ACKNOWLEDGED, ((FlagState.Flag) flag.state()).status());
    }

    @Test
    void given_an_acknowledged_flag_when_acknowledged_again_then_flag_acknowledged() {
        flag.given(RAISED, ACKNOWLEDGED).when(new FlagCommand.Acknowledge(FLAG, "again", "lead-2", NOW))
                .conflict("flag-acknowledged");
    }

    @Test
    void an_open_or_acknowledged_flag_can_be_cleared_once() {
        BiggerPictureFlagCleared cleared = new BiggerPictureFlagCleared(FLAG, CHILD, "no further action", "lead-1", NOW);
        DeciderSpec.of(new FlagDecider()).given(RAISED)
                .when(new FlagCommand.Clear(FLAG, "no further action", "lead-1", NOW)).then(cleared);
        flag.given(RAISED, ACKNOWLEDGED).when(new FlagCommand.Clear(FLAG, "no further action", "lead-1", NOW)).then(cleared);
        flag.when(new FlagCommand.Clear(FLAG, "again", "lead-1", NOW)).conflict("flag-cleared");
        flag.when(new FlagCommand.Acknowledge(FLAG, "late", "lead-1", NOW)).conflict("flag-cleared");
    }

    @Test
    void given_no_flag_when_cleared_or_acknowledged_then_not_found() {
        flag.when(new FlagCommand.Clear(FLAG, "?", "lead-1", NOW)).notFound();
        flag.when(new FlagCommand.Acknowledge(FLAG, "?", "lead-1", NOW)).notFound();
    }
}
