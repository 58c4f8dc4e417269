package org.joinedup.referral.care.domain;

import org.joinedup.events.care.PoliceProtectionEnded;
import org.joinedup.events.care.PoliceProtectionEvent;
import org.joinedup.events.care.PoliceProtectionOverdue;
import org.joinedup.events.care.PoliceProtectionStarted;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Police protection (Children Act 1989 s46): a police officer with reasonable cause to believe a child would
 * otherwise suffer significant harm removes her to suitable accommodation, or keeps her where she is, for at
 * most 72 hours. Only a police force records it (any other agency: forbidden, {@code statutory-duty}); only
 * the force that took the child ends it (any other: not found). 72 hours with no end recorded are recorded
 * overdue, once: no child may be kept in police protection longer.
 */
public final class PoliceProtectionDecider implements Decider<PoliceProtectionCommand, PoliceProtectionState, PoliceProtectionEvent> {
    /** At most 72 hours (s46(6)). */
    public static final Duration LIMIT = Duration.ofHours(72);

    @Override
    public PoliceProtectionState initialState() {
        return new PoliceProtectionState.None();
    }

    @Override
    public PoliceProtectionState evolve(PoliceProtectionState state, PoliceProtectionEvent event) {
        return PoliceProtectionState.evolve(state, event);
    }

    @Override
    public Decision<PoliceProtectionEvent> decide(PoliceProtectionCommand command, PoliceProtectionState state) {
        return switch (command) {
            case PoliceProtectionCommand.Start s -> start(s, state);
            case PoliceProtectionCommand.End e -> open(state, e.actor())
                    .andThen(p -> CareRules.when(p, "endedAt", e.endedAt(), p.started().takenAt(), "not-before-taken",
                            "the child was taken into police protection", e.at()))
                    .then(p -> Decision.accept(overdue(p, e.at()), new PoliceProtectionEnded(p.started().protectionId(),
                            p.started().childId(), p.started().policeAgency(), p.started().localAuthority(),
                            e.outcome().wireName(), e.note(), e.endedAt(), e.actor().person())));
            case PoliceProtectionCommand.RecordOverdue o -> state instanceof PoliceProtectionState.Protection p
                    ? Decision.accept(overdue(p, o.at())) : Decision.none();
        };
    }

    private Decision<PoliceProtectionEvent> start(PoliceProtectionCommand.Start s, PoliceProtectionState state) {
        if (!s.actor().police()) {
            return Decision.refuse(CareRules.duty("police protection (Children Act 1989 s46)", "a police force", s.actor()));
        }
        if (state instanceof PoliceProtectionState.Protection) {
            return Decision.refuse(Refusal.conflict("protection-exists", "police protection " + s.protectionId()
                    + " was already recorded"));
        }
        return CareRules.when(s, "takenAt", s.takenAt(), null, null, null, s.at()).then(x -> Decision.accept(
                new PoliceProtectionStarted(s.protectionId(), s.childId(), s.actor().agency(), s.localAuthority(), s.takenAt(),
                        s.takenAt().plus(LIMIT), s.reason(), s.designatedOfficer(), s.actor().person())));
    }

    /** The 72 hours run out by {@code now} with no end, not yet recorded. */
    public static List<PoliceProtectionEvent> overdue(PoliceProtectionState.Protection p, Instant now) {
        Instant due = p.pendingEnd();
        return due == null || now.isBefore(due) ? List.of() : List.of(new PoliceProtectionOverdue(p.started().protectionId(),
                p.started().childId(), p.started().policeAgency(), p.started().localAuthority(), due, now));
    }

    private static Checked<PoliceProtectionState.Protection> open(PoliceProtectionState state, CareActor actor) {
        return (state instanceof PoliceProtectionState.Protection p && p.started().policeAgency().equals(actor.agency())
                ? Checked.pass(p) : Checked.<PoliceProtectionState.Protection>stop(Refusal.notFound(
                "no police protection is held by agency " + actor.agency())))
                .check(PoliceProtectionState.Protection::open, p -> Refusal.conflict("protection-ended",
                        "the police protection ended (" + p.ended().outcome() + ")"));
    }
}
