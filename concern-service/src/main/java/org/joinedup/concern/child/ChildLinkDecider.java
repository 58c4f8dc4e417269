package org.joinedup.concern.child;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.platform.http.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rules of linking child records, without infrastructure: a link joins two different records
 * not already read as one child; an unlink undoes a link in force, once. Each link is its own
 * stream ({@code child-link-<linkId>}): linked, then perhaps unlinked.
 */
public final class ChildLinkDecider {
    private ChildLinkDecider() {
    }

    public static String streamId(UUID linkId) {
        return "child-link-" + linkId;
    }

    /**
     * @param alreadyOneChild whether the two records are already in one group (linked directly or
     *                        through other links)
     */
    public static List<EventPayload> link(UUID linkId, UUID childId, UUID linkedChildId, UUID candidateId, String reason,
                                          String actor, boolean alreadyOneChild, Instant now) {
        if (childId.equals(linkedChildId)) {
            throw ProblemException.unprocessable("linkedChildId", "different-child",
                    "must be another child record than childId");
        }
        if (alreadyOneChild) {
            throw ProblemException.conflict("already-linked",
                    "child records " + childId + " and " + linkedChildId + " are already read as one child");
        }
        return List.of(new ChildRecordsLinked(linkId, childId, linkedChildId, candidateId, reason, actor, now));
    }

    public static List<EventPayload> unlink(UUID linkId, List<EventPayload> past, String reason, String actor,
                                            Instant now) {
        if (past.isEmpty() || !(past.get(0) instanceof ChildRecordsLinked linked)) {
            throw ProblemException.notFound("no link " + linkId);
        }
        if (past.stream().anyMatch(e -> e instanceof ChildRecordsUnlinked)) {
            throw ProblemException.conflict("already-unlinked", "link " + linkId + " was already undone");
        }
        return List.of(new ChildRecordsUnlinked(linkId, linked.childId(), linked.linkedChildId(), reason, actor, now));
    }
}
