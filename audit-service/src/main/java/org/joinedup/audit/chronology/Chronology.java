package org.joinedup.audit.chronology;

import java.util.List;
import java.util.UUID;

/**
 * A page of one child's chronology, oldest first, across every agency and every child record linked
 * to it ({@code linkedRecords}; each entry says which record it was filed under).
 */
public record Chronology(UUID childId, List<UUID> linkedRecords, long total, int offset, int limit,
                         List<ChronologyEntry> entries) {
}
