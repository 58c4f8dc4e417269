package org.joinedup.needtoknow;

import org.joinedup.events.access.AccessBasis;

import java.util.Set;
import java.util.UUID;

/**
 * A reader's sight of one child: every record read with it, and the standing the policy gave the
 * reader. A child the reader has no standing with has no sight at all.
 */
public record ChildSight(UUID childId, Set<UUID> records, NeedToKnow.Standing standing) {

    public Sight sight(RecordRef record) {
        return standing.sight(record);
    }

    /** True when every record about the child is seen in full (inspector, front door, break-glass). */
    public boolean wholePicture() {
        return standing.wholePicture();
    }

    public AccessBasis basis() {
        return standing.basis();
    }
}
