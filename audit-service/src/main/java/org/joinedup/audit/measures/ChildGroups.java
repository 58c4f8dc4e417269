package org.joinedup.audit.measures;

import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Child records a safeguarding lead linked as the same child, read as one (the children in need census counts
 * children, not records): the links in force once every link and unlink up to the moment is taken, followed
 * through (a linked to b, b to c: one child). Pure.
 */
final class ChildGroups {
    private final Map<UUID, UUID[]> links = new LinkedHashMap<>();
    private Map<UUID, UUID> parent;

    void take(ChildRecordsLinked l) {
        links.put(l.linkId(), new UUID[] {l.childId(), l.linkedChildId()});
        parent = null;
    }

    void take(ChildRecordsUnlinked u) {
        links.remove(u.linkId());
        parent = null;
    }

    /** The child a record belongs to: the same id for every record linked to it. */
    UUID child(UUID record) {
        if (parent == null) {
            parent = new HashMap<>();
            links.values().forEach(pair -> union(pair[0], pair[1]));
        }
        return root(record);
    }

    private UUID root(UUID record) {
        UUID r = record;
        while (parent.containsKey(r) && !parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        // Point the path at the root, so the next question is one step.
        UUID x = record;
        while (!x.equals(r)) {
            UUID next = parent.get(x);
            parent.put(x, r);
            x = next;
        }
        return r;
    }

    private void union(UUID a, UUID b) {
        UUID ra = root(a);
        UUID rb = root(b);
        if (!ra.equals(rb)) {
            // The smaller id is the root: the same answer whatever the order links came in.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
                parent.putIfAbsent(ra, ra);
            } else {
                parent.put(ra, rb);
                parent.putIfAbsent(rb, rb);
            }
        }
    }
}
