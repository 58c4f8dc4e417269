package org.joinedup.concern;

import org.joinedup.concern.picture.FlagDecider;
import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.BiggerPictureFlagAcknowledged;
import org.joinedup.events.concern.BiggerPictureFlagCleared;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given a flag's past events, when a lead acknowledges or clears it, then these events (or this refusal). */
class FlagDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final UUID FLAG = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final BiggerPictureFlagRaised RAISED = new BiggerPictureFlagRaised(FLAG, CHILD, "several-agencies",
            List.of(UUID.randomUUID()), List.of(), List.of("met-police", "whittington-health"), "2 agencies", NOW);
    static final BiggerPictureFlagAcknowledged ACKNOWLEDGED = new BiggerPictureFlagAcknowledged(FLAG, CHILD,
            "strategy discussion booked", "lead-1", NOW);

    @Test
    void given_an_open_flag_when_acknowledged_then_acknowledged_with_who_and_why() {
        assertEquals(List.of(ACKNOWLEDGED), FlagDecider.acknowledge(FLAG, List.of(RAISED), "strategy discussion booked", "lead-1", NOW));
    }

    @Test
    void given_an_acknowledged_flag_when_acknowledged_again_then_409() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> FlagDecider.acknowledge(FLAG, List.of(RAISED, ACKNOWLEDGED), "again", "lead-2", NOW));
        assertEquals(409, e.problem().status());
        assertEquals("acknowledged", FlagDecider.status(List.of(RAISED, ACKNOWLEDGED)));
    }

    @Test
    void an_open_or_acknowledged_flag_can_be_cleared_once() {
        List<EventPayload> cleared = FlagDecider.clear(FLAG, List.of(RAISED), "no further action", "lead-1", NOW);
        assertEquals(List.of(new BiggerPictureFlagCleared(FLAG, CHILD, "no further action", "lead-1", NOW)), cleared);
        assertEquals(1, FlagDecider.clear(FLAG, List.of(RAISED, ACKNOWLEDGED), "done", "lead-1", NOW).size());
        List<EventPayload> past = List.of(RAISED, ACKNOWLEDGED, cleared.get(0));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> FlagDecider.clear(FLAG, past, "again", "lead-1", NOW)).problem().status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> FlagDecider.acknowledge(FLAG, past, "late", "lead-1", NOW)).problem().status());
    }

    @Test
    void given_no_flag_then_404() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> FlagDecider.clear(FLAG, List.of(), "?", "lead-1", NOW)).problem().status());
    }
}
