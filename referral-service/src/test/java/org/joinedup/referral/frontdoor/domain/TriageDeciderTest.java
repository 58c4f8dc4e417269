package org.joinedup.referral.frontdoor.domain;

import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.frontdoor.TriageDecisionOverdue;
import org.joinedup.events.frontdoor.TriageEvent;
import org.joinedup.events.frontdoor.TriageOutcome;
import org.joinedup.referral.clock.WorkingDays;
import org.joinedup.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given a triage item's events, when a contact arrives, the front door decides or time passes, then these events. */
class TriageDeciderTest {
    static final WorkingDays DAYS = WorkingDays.englandAndWales();
    static final UUID ITEM = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final String CSC = "haringey-csc";
    /** 15:00 BST on the Friday before the summer bank holiday: the decision is due at midnight after Tuesday. */
    static final Instant FRIDAY = Instant.parse("2026-08-28T14:00:00Z");
    static final Instant DUE = Instant.parse("2026-09-01T23:00:00Z");
    static final UUID POLICE_CONCERN = UUID.randomUUID();
    static final UUID SCHOOL_CONCERN = UUID.randomUUID();

    final DeciderSpec<TriageCommand, TriageState, TriageEvent> triage = DeciderSpec.of(new TriageDecider(DAYS, 1));

    static TriageCommand.ReceiveContact contact(UUID source, String from, String risk, Instant at) {
        return new TriageCommand.ReceiveContact(ITEM, CHILD, CSC, "concern", source, from, risk, at);
    }

    static TriageCommand.Decide decide(String agency, TriageOutcome outcome, Instant at) {
        return new TriageCommand.Decide(ITEM, agency, "sw-1", outcome, "reasonable cause to suspect significant harm", at);
    }

    @Test
    void a_contact_on_the_friday_before_a_bank_holiday_opens_an_item_due_at_the_end_of_tuesday() {
        triage.when(contact(POLICE_CONCERN, "met-police", "immediate", FRIDAY)).then(new ContactReceived(ITEM, CHILD, CSC,
                "concern", POLICE_CONCERN, "met-police", "immediate", FRIDAY, DUE));
        assertEquals(TriageState.Status.AWAITING_DECISION, ((TriageState.Item) triage.state()).status());
    }

    @Test
    void a_later_contact_joins_the_item_under_its_first_deadline_and_the_same_contact_again_records_nothing() {
        triage.givenAccepted(contact(POLICE_CONCERN, "met-police", "medium", FRIDAY));
        Instant monday = Instant.parse("2026-08-31T09:00:00Z");
        triage.when(contact(SCHOOL_CONCERN, "northside-primary", "high", monday)).then(new ContactReceived(ITEM, CHILD, CSC,
                "concern", SCHOOL_CONCERN, "northside-primary", "high", monday, DUE));
        triage.when(contact(POLICE_CONCERN, "met-police", "medium", monday)).thenNothing();
        assertEquals(List.of("met-police", "northside-primary"), ((TriageState.Item) triage.state()).raisedBy());
    }

    @Test
    void the_front_door_decides_once_covering_every_contact_and_naming_who_raised_them() {
        triage.givenAccepted(contact(POLICE_CONCERN, "met-police", "immediate", FRIDAY),
                contact(SCHOOL_CONCERN, "northside-primary", "medium", FRIDAY.plusSeconds(60)));
        Instant decidedAt = FRIDAY.plusSeconds(3600);
        triage.when(decide(CSC, TriageOutcome.STRATEGY_DISCUSSION, decidedAt)).then(new TriageDecided(ITEM, CHILD, CSC,
                "strategy-discussion", "reasonable cause to suspect significant harm", List.of(POLICE_CONCERN, SCHOOL_CONCERN),
                List.of("met-police", "northside-primary"), "sw-1", decidedAt));
        triage.when(decide(CSC, TriageOutcome.NO_FURTHER_ACTION, decidedAt)).conflict("already-decided");
        triage.when(contact(UUID.randomUUID(), "met-police", "low", decidedAt)).conflict("triage-decided");
    }

    @Test
    void another_agency_is_told_the_item_does_not_exist() {
        triage.givenAccepted(contact(POLICE_CONCERN, "met-police", "immediate", FRIDAY));
        triage.when(decide("met-police", TriageOutcome.NO_FURTHER_ACTION, FRIDAY)).notFound();
        DeciderSpec.of(new TriageDecider(DAYS, 1)).when(decide(CSC, TriageOutcome.ADVICE_GIVEN, FRIDAY)).notFound();
    }

    @Test
    void a_decision_one_minute_late_is_recorded_overdue_first_and_the_sweep_says_so_only_once() {
        triage.givenAccepted(contact(POLICE_CONCERN, "met-police", "high", FRIDAY));
        triage.when(new TriageCommand.RecordOverdue(DUE.minusSeconds(1))).thenNothing();
        triage.when(new TriageCommand.RecordOverdue(DUE)).then(new TriageDecisionOverdue(ITEM, CHILD, CSC, DUE, DUE));
        triage.when(new TriageCommand.RecordOverdue(DUE.plusSeconds(3600))).thenNothing();
        triage.when(decide(CSC, TriageOutcome.EARLY_HELP_OFFERED, DUE.plusSeconds(7200)))
                .thenEvents(e -> assertEquals(List.of("triage-decided"), e.stream().map(x -> x.eventType().typeName()).toList()));
    }

    @Test
    void a_decision_after_the_deadline_that_the_sweep_missed_is_recorded_late() {
        triage.givenAccepted(contact(POLICE_CONCERN, "met-police", "high", FRIDAY));
        triage.when(decide(CSC, TriageOutcome.CHILD_IN_NEED_ASSESSMENT, DUE.plusSeconds(60))).thenEvents(e -> assertEquals(
                List.of("triage-decision-overdue", "triage-decided"), e.stream().map(x -> x.eventType().typeName()).toList()));
        triage.when(new TriageCommand.RecordOverdue(DUE.plusSeconds(3600))).thenNothing();
    }

    @Test
    void a_contact_about_another_child_or_for_another_front_door_is_not_mixed_in() {
        triage.givenAccepted(contact(POLICE_CONCERN, "met-police", "high", FRIDAY));
        triage.when(new TriageCommand.ReceiveContact(ITEM, UUID.randomUUID(), CSC, "concern", UUID.randomUUID(), "met-police",
                "high", FRIDAY)).conflict("another-child-or-front-door");
        triage.when(new TriageCommand.ReceiveContact(ITEM, CHILD, "islington-csc", "concern", UUID.randomUUID(), "met-police",
                "high", FRIDAY)).conflict("another-child-or-front-door");
    }
}
