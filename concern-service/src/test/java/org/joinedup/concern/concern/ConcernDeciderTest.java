package org.joinedup.concern.concern;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given past events, when a command, then new events (or a refusal). */
class ConcernDeciderTest {
    static final UUID CHILD = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    static final Instant RECORDED = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void given_no_concern_when_raised_then_concern_raised_carries_every_fact() {
        RaiseConcern command = RaiseConcernRequestTest.valid()
                .toCommand(RaiseConcernRequestTest.ID, "met-police", "officer-7", RaiseConcernRequestTest.NOW);

        List<EventPayload> events = ConcernDecider.decide(command, ConcernState.fold(List.of()), CHILD, RECORDED);

        assertEquals(1, events.size());
        ConcernRaised raised = assertInstanceOf(ConcernRaised.class, events.get(0));
        assertEquals(command.concernId(), raised.concernId());
        assertEquals(CHILD, raised.childId());
        assertEquals("met-police", raised.agencyId());
        assertEquals("officer-7", raised.practitionerId());
        assertEquals("neglect", raised.category());
        assertEquals(List.of("safe", "nurtured"), raised.wellbeingIndicators());
        assertEquals("high", raised.riskLevel());
        assertEquals("Mum goes out a lot.", raised.childsVoice());
        assertEquals(command.occurredAt(), raised.occurredAt());
        assertEquals(RECORDED, raised.recordedAt());
        assertEquals(CHILD.toString(), raised.subject());
    }

    @Test
    void given_a_raised_concern_when_amended_then_the_changes_apply_and_the_original_is_kept() {
        RaiseConcern command = RaiseConcernRequestTest.valid()
                .toCommand(RaiseConcernRequestTest.ID, "met-police", "officer-7", RaiseConcernRequestTest.NOW);
        List<EventPayload> past = new java.util.ArrayList<>(ConcernDecider.decide(command, ConcernState.initial(), CHILD, RECORDED));
        var changes = new org.joinedup.events.concern.ConcernChanges(null, null, "immediate", null, null, null);

        List<EventPayload> amended = ConcernDecider.amend(command.concernId(), "met-police", "officer-7", "reassessed",
                changes, ConcernState.fold(past), RECORDED.plusSeconds(60));
        past.addAll(amended);
        ConcernState.Raised state = (ConcernState.Raised) ConcernState.fold(past);
        assertEquals("immediate", state.current().riskLevel());
        assertEquals("high", state.raised().riskLevel());
        assertEquals("neglect", state.current().category());
        assertEquals(2, state.version());

        assertEquals(404, assertThrows(ProblemException.class, () -> ConcernDecider.amend(command.concernId(),
                "whittington-health", "n", "r", changes, state, RECORDED)).problem().status());
        past.addAll(ConcernDecider.withdraw(command.concernId(), "met-police", "officer-7", "wrong child", state, RECORDED));
        ConcernState withdrawn = ConcernState.fold(past);
        assertEquals(409, assertThrows(ProblemException.class, () -> ConcernDecider.withdraw(command.concernId(),
                "met-police", "officer-7", "again", withdrawn, RECORDED)).problem().status());
    }

    @Test
    void given_a_raised_concern_when_raised_again_then_409() {
        RaiseConcern command = RaiseConcernRequestTest.valid()
                .toCommand(RaiseConcernRequestTest.ID, "met-police", "officer-7", RaiseConcernRequestTest.NOW);
        List<EventPayload> past = ConcernDecider.decide(command, ConcernState.initial(), CHILD, RECORDED);

        ConcernState state = ConcernState.fold(past);
        assertInstanceOf(ConcernState.Raised.class, state);
        ProblemException e = assertThrows(ProblemException.class,
                () -> ConcernDecider.decide(command, state, CHILD, RECORDED));
        assertEquals(409, e.problem().status());
    }
}
