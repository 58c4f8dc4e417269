package org.joinedup.audit.chronology;

import java.util.List;
import java.util.UUID;

/**
 * A page of one child's chronology, oldest first, across every agency and every child record linked
 * to it ({@code linkedRecords}; each entry says which record it was filed under).
 */
public record Chronology(UUID childId, List<UUID> linkedRecords, long total, int offset, int limit,
                         List<ChronologyEntry> entries, List<Gap> gaps) {

    /**
     * A producer's stream seen with a missing event (a version skipped) or an event out of order,
     * while recording an entry about this child: the chronology may be incomplete there.
     */
    public record Gap(long seq, UUID eventId, String source, String streamId, long expectedVersion,
                      long receivedVersion, String kind, java.time.Instant detectedAt) {
    }
}
