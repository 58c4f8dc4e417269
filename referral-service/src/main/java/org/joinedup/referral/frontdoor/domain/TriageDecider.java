package org.joinedup.referral.frontdoor.domain;

import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.frontdoor.TriageDecided;
import org.joinedup.events.frontdoor.TriageDecisionOverdue;
import org.joinedup.events.frontdoor.TriageEvent;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.referral.clock.WorkingDays;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the front door's triage (Working Together 2023): every contact about a child joins the
 * child's undecided item at its front door; the front door decides within one working day of the item's
 * first contact what response is needed, once, covering every contact received; a decision not made in
 * time is recorded overdue (once) ahead of the decision, or by the sweep. Only the front door whose queue
 * it is decides; any other agency is told the item does not exist.
 */
public final class TriageDecider implements Decider<TriageCommand, TriageState, TriageEvent> {
    private final WorkingDays days;
    private final int decisionWorkingDays;

    /** @param decisionWorkingDays the working days a front door has to decide (Working Together: one) */
    public TriageDecider(WorkingDays days, int decisionWorkingDays) {
        this.days = days;
        this.decisionWorkingDays = decisionWorkingDays;
    }

    @Override
    public TriageState initialState() {
        return new TriageState.None();
    }

    @Override
    public TriageState evolve(TriageState state, TriageEvent event) {
        return TriageState.evolve(state, event);
    }

    @Override
    public Decision<TriageEvent> decide(TriageCommand command, TriageState state) {
        return switch (command) {
            case TriageCommand.ReceiveContact c -> receive(c, state);
            case TriageCommand.Decide d -> decideItem(d, state);
            case TriageCommand.RecordOverdue o -> state instanceof TriageState.Item i
                    ? Decision.accept(overdue(i, o.at())) : Decision.none();
        };
    }

    private Decision<TriageEvent> receive(TriageCommand.ReceiveContact c, TriageState state) {
        return switch (state) {
            case TriageState.None n -> Decision.accept(contact(c, days.dueBy(c.at(), decisionWorkingDays)));
            case TriageState.Item i when i.holds(c.sourceId()) -> Decision.none();
            case TriageState.Item i when i.decision() != null -> Decision.refuse(Refusal.conflict("triage-decided",
                    "triage item " + i.triageId() + " was decided; a later contact opens a new item"));
            case TriageState.Item i when !i.frontDoor().equals(c.frontDoor()) || !i.childId().equals(c.childId()) ->
                    Decision.refuse(Refusal.conflict("another-child-or-front-door",
                            "triage item " + i.triageId() + " is another child's or another front door's"));
            case TriageState.Item i -> Decision.accept(contact(c, i.decisionDueBy()));
        };
    }

    private Decision<TriageEvent> decideItem(TriageCommand.Decide d, TriageState state) {
        if (!(state instanceof TriageState.Item i) || !i.frontDoor().equals(d.agency())) {
            return Decision.refuse(Refusal.notFound("no triage item " + d.triageId() + " in the queue of agency " + d.agency()));
        }
        if (i.decision() != null) {
            return Decision.refuse(Refusal.conflict("already-decided", "triage item " + d.triageId() + " was decided ("
                    + i.decision().outcome() + "); a decision is recorded once"));
        }
        return Decision.accept(overdue(i, d.at()), new TriageDecided(i.triageId(), i.childId(), i.frontDoor(),
                d.outcome().wireName(), d.reason(), i.contacts().stream().map(ContactReceived::sourceId).toList(),
                i.raisedBy(), d.actor(), d.at()));
    }

    /** The overdue event when the decision's clock has run out by {@code now} and has not said so yet. */
    public static List<TriageEvent> overdue(TriageState.Item i, Instant now) {
        List<TriageEvent> events = new ArrayList<>();
        if (i.decision() == null && i.overdueAt() == null && !now.isBefore(i.decisionDueBy())) {
            events.add(new TriageDecisionOverdue(i.triageId(), i.childId(), i.frontDoor(), i.decisionDueBy(), now));
        }
        return events;
    }

    private static ContactReceived contact(TriageCommand.ReceiveContact c, Instant dueBy) {
        return new ContactReceived(c.triageId(), c.childId(), c.frontDoor(), c.source(), c.sourceId(), c.fromAgency(),
                c.riskLevel(), c.at(), dueBy);
    }
}
