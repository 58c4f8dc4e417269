package org.joinedup.concern.concern.domain;

import org.joinedup.concern.concern.RaiseConcernRequestTest;
import org.joinedup.events.concern.ConcernAmended;
import org.joinedup.events.concern.ConcernChanges;
import org.joinedup.events.concern.ConcernEvent;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.ConcernWithdrawn;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Given a concern's past events, when a command, then new events or a named refusal. No Quarkus. */
class ConcernDeciderTest {
    static final UUID CHILD = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    static final Instant RECORDED = Instant.parse("2026-11-22T12:00:00Z");
    static final RaiseConcern CONCERN = RaiseConcernRequestTest.valid()
            .toCommand(RaiseConcernRequestTest.ID, "met-police", "officer-7", RaiseConcernRequestTest.NOW);
    static final ConcernChanges TO_IMMEDIATE = new ConcernChanges(null, null, "immediate", null, null, null);

    DeciderSpec<ConcernCommand, ConcernState, ConcernEvent> concern = DeciderSpec.of(new ConcernDecider());

    static ConcernCommand.Raise raise() {
        return new ConcernCommand.Raise(CONCERN, CHILD, RECORDED);
    }

    @Test
    void given_no_concern_when_raised_then_concern_raised_carries_every_fact() {
        concern.when(raise()).thenEvents(events -> {
            assertEquals(1, events.size());
            ConcernRaised raised = assertInstanceOf(ConcernRaised.class, events.get(0));
            assertEquals(CONCERN.concernId(), raised.concernId());
            assertEquals(CHILD, raised.childId());
            assertEquals("met-police", raised.agencyId());
            assertEquals("officer-7", raised.practitionerId());
            assertEquals("neglect", raised.category());
            assertEquals(List.of("safe", "nurtured"), raised.wellbeingIndicators());
            assertEquals("high", raised.riskLevel());
            assertEquals("Mum goes out a lot.", raised.childsVoice());
            assertEquals(CONCERN.occurredAt(), raised.occurredAt());
            assertEquals(RECORDED, raised.recordedAt());
            assertEquals(CHILD.toString(), raised.subject());
        });
    }

    @Test
    void given_a_raised_concern_when_amended_then_the_changes_apply_and_the_original_is_kept() {
        Instant later = RECORDED.plusSeconds(60);
        concern.givenAccepted(raise())
                .when(new ConcernCommand.Amend(CONCERN.concernId(), "met-police", "officer-7", "reassessed", TO_IMMEDIATE, later))
                .then(new ConcernAmended(CONCERN.concernId(), CHILD, "met-police", "officer-7", "reassessed", TO_IMMEDIATE, later));

        ConcernState.Raised state = (ConcernState.Raised) concern.state();
        assertEquals("immediate", state.current().riskLevel());
        assertEquals("high", state.raised().riskLevel());
        assertEquals("neglect", state.current().category());
        assertEquals(2, state.version());
        assertEquals(List.of("concern-raised", "concern-amended"), state.history().stream().map(ConcernState.Change::type).toList());
    }

    @Test
    void another_agency_is_told_the_concern_does_not_exist() {
        concern.givenAccepted(raise())
                .when(new ConcernCommand.Amend(CONCERN.concernId(), "whittington-health", "n", "r", TO_IMMEDIATE, RECORDED))
                .notFound();
        concern.when(new ConcernCommand.Withdraw(CONCERN.concernId(), "whittington-health", "n", "r", RECORDED)).notFound();
    }

    @Test
    void given_no_concern_when_amended_then_not_found() {
        concern.when(new ConcernCommand.Amend(CONCERN.concernId(), "met-police", "officer-7", "r", TO_IMMEDIATE, RECORDED))
                .notFound();
    }

    @Test
    void given_a_withdrawn_concern_when_withdrawn_or_amended_again_then_concern_withdrawn() {
        concern.givenAccepted(raise())
                .when(new ConcernCommand.Withdraw(CONCERN.concernId(), "met-police", "officer-7", "wrong child", RECORDED))
                .then(new ConcernWithdrawn(CONCERN.concernId(), CHILD, "met-police", "officer-7", "wrong child", RECORDED));
        concern.when(new ConcernCommand.Withdraw(CONCERN.concernId(), "met-police", "officer-7", "again", RECORDED))
                .conflict("concern-withdrawn");
        concern.when(new ConcernCommand.Amend(CONCERN.concernId(), "met-police", "officer-7", "r", TO_IMMEDIATE, RECORDED))
                .conflict("concern-withdrawn");
        assertEquals(true, ((ConcernState.Raised) concern.state()).withdrawn());
    }

    @Test
    void given_a_raised_concern_when_raised_again_then_concern_exists() {
        concern.givenAccepted(raise()).when(raise()).conflict("concern-exists");
    }
}
