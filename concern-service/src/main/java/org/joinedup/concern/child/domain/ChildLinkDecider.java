package org.joinedup.concern.child.domain;

import org.joinedup.events.concern.ChildLinkEvent;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

/**
 * The rules of linking child records: a link joins two different records not already read as one
 * child; an unlink undoes a link in force, once. Each link is its own stream: linked, then perhaps
 * unlinked.
 */
public final class ChildLinkDecider implements Decider<ChildLinkCommand, ChildLinkState, ChildLinkEvent> {

    @Override
    public ChildLinkState initialState() {
        return new ChildLinkState.None();
    }

    @Override
    public Decision<ChildLinkEvent> decide(ChildLinkCommand command, ChildLinkState state) {
        return switch (command) {
            case ChildLinkCommand.Link l -> link(l, state);
            case ChildLinkCommand.Unlink u -> unlink(u, state);
        };
    }

    @Override
    public ChildLinkState evolve(ChildLinkState state, ChildLinkEvent event) {
        return ChildLinkState.evolve(state, event);
    }

    private static Decision<ChildLinkEvent> link(ChildLinkCommand.Link l, ChildLinkState state) {
        if (l.childId().equals(l.linkedChildId())) {
            return Decision.refuse(Refusal.unusable("linkedChildId", "different-child",
                    "must be another child record than childId"));
        }
        if (l.alreadyOneChild()) {
            return Decision.refuse(Refusal.conflict("already-linked",
                    "child records " + l.childId() + " and " + l.linkedChildId() + " are already read as one child"));
        }
        if (!(state instanceof ChildLinkState.None)) {
            return Decision.refuse(Refusal.conflict("link-exists", "link " + l.linkId() + " was already recorded"));
        }
        return Decision.accept(new ChildRecordsLinked(l.linkId(), l.childId(), l.linkedChildId(), l.candidateId(), l.reason(),
                l.actor(), l.at()));
    }

    private static Decision<ChildLinkEvent> unlink(ChildLinkCommand.Unlink u, ChildLinkState state) {
        return switch (state) {
            case ChildLinkState.None n -> Decision.refuse(Refusal.notFound("no link " + u.linkId()));
            case ChildLinkState.Linked l when l.undone() -> Decision.refuse(Refusal.conflict("already-unlinked",
                    "link " + u.linkId() + " was already undone"));
            case ChildLinkState.Linked l -> Decision.accept(new ChildRecordsUnlinked(u.linkId(), l.linked().childId(),
                    l.linked().linkedChildId(), u.reason(), u.actor(), u.at()));
        };
    }
}
