package org.joinedup.audit.chronology;

import java.util.List;
import java.util.UUID;

/** A page of one child's chronology, oldest first, across every agency. */
public record Chronology(UUID childId, long total, int offset, int limit, List<ChronologyEntry> entries) {
}
