package org.joinedup.concern.picture;

import org.joinedup.events.EventPayload;
import org.joinedup.events.concern.BiggerPictureFlagAcknowledged;
import org.joinedup.events.concern.BiggerPictureFlagCleared;
import org.joinedup.events.concern.BiggerPictureFlagRaised;
import org.joinedup.platform.http.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A flag's life, without infrastructure: raised (open), acknowledged by a lead, cleared by a lead;
 * each step with who and why. A cleared flag is closed for good; a new piece of the picture raises a
 * new flag. Stream {@code flag-<flagId>}.
 */
public final class FlagDecider {
    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String CLEARED = "cleared";

    private FlagDecider() {
    }

    public static String streamId(UUID flagId) {
        return "flag-" + flagId;
    }

    /** The status the past events leave the flag in; null when there is no such flag. */
    public static String status(List<EventPayload> past) {
        String status = null;
        for (EventPayload e : past) {
            if (e instanceof BiggerPictureFlagRaised) {
                status = OPEN;
            } else if (e instanceof BiggerPictureFlagAcknowledged) {
                status = ACKNOWLEDGED;
            } else if (e instanceof BiggerPictureFlagCleared) {
                status = CLEARED;
            }
        }
        return status;
    }

    public static List<EventPayload> acknowledge(UUID flagId, List<EventPayload> past, String reason, String actor,
                                                 Instant now) {
        BiggerPictureFlagRaised raised = raised(flagId, past);
        String status = status(past);
        if (!OPEN.equals(status)) {
            throw ProblemException.conflict("flag-" + status, "flag " + flagId + " is already " + status);
        }
        return List.of(new BiggerPictureFlagAcknowledged(flagId, raised.childId(), reason, actor, now));
    }

    public static List<EventPayload> clear(UUID flagId, List<EventPayload> past, String reason, String actor,
                                           Instant now) {
        BiggerPictureFlagRaised raised = raised(flagId, past);
        if (CLEARED.equals(status(past))) {
            throw ProblemException.conflict("flag-cleared", "flag " + flagId + " is already cleared");
        }
        return List.of(new BiggerPictureFlagCleared(flagId, raised.childId(), reason, actor, now));
    }

    private static BiggerPictureFlagRaised raised(UUID flagId, List<EventPayload> past) {
        if (past.isEmpty() || !(past.get(0) instanceof BiggerPictureFlagRaised raised)) {
            throw ProblemException.notFound("no flag " + flagId);
        }
        return raised;
    }
}
