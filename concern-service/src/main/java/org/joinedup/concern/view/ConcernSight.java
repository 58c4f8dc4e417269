package org.joinedup.concern.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.Headline;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.RecordRef;
import org.joinedup.needtoknow.Sight;

/**
 * What a reader sees of one concern (docs/access.md): what its agency already holds (its own concern,
 * or the snapshot that was shared with it, exactly as sent); otherwise the concern as it now is when
 * the policy shows it in full (the front door, break-glass, a concern referred to it); otherwise a headline.
 */
public final class ConcernSight {
    private ConcernSight() {
    }

    /** The concern in full, or null when the reader sees only its headline. */
    public static JsonNode full(AgencyConcernViews.ConcernRow row, ChildSight sight) {
        if (row.held() != null) {
            return row.held();
        }
        return sight.sight(RecordRef.of(RecordKind.CONCERN, row.concernId(), row.owner())) == Sight.FULL ? row.current() : null;
    }

    public static Headline headline(AgencyConcernViews.ConcernRow row, ChildReads reads) {
        return reads.headline(RecordKind.CONCERN, row.concernId(), null, row.owner(), row.category(), row.occurredAt());
    }
}
