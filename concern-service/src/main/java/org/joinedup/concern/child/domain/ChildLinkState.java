package org.joinedup.concern.child.domain;

import org.joinedup.events.concern.ChildLinkEvent;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;

/** What a link's events say about it now: none, in force, or undone. */
public sealed interface ChildLinkState {

    record None() implements ChildLinkState {
    }

    record Linked(ChildRecordsLinked linked, boolean undone) implements ChildLinkState {
    }

    static ChildLinkState evolve(ChildLinkState state, ChildLinkEvent event) {
        return switch (event) {
            case ChildRecordsLinked l when state instanceof None -> new Linked(l, false);
            case ChildRecordsUnlinked u when state instanceof Linked l && !l.undone() -> new Linked(l.linked(), true);
            case ChildRecordsLinked l -> throw new IllegalStateException("a link stream is linked once");
            case ChildRecordsUnlinked u -> throw new IllegalStateException("child-records-unlinked without a link in force");
        };
    }
}
