package org.joinedup.audit.chronology;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of one child's chronology, oldest first, across every agency and every child record linked
 * to it ({@code linkedRecords}; each entry says which record it was filed under).
 *
 * @param basis                what let the reader see this child (docs/access.md): relationship, front-door,
 *                             emergency-access or inspector
 * @param emergencyAccessUntil when the reader's break-glass runs out (emergency access only)
 */
public record Chronology(UUID childId, List<UUID> linkedRecords, long total, int offset, int limit,
                         List<ChronologyEntry> entries, List<Gap> gaps, String basis, Instant emergencyAccessUntil,
                         List<WheelPoint> wellbeing) {

    public Chronology(UUID childId, List<UUID> linkedRecords, long total, int offset, int limit,
                      List<ChronologyEntry> entries, List<Gap> gaps, List<WheelPoint> wellbeing) {
        this(childId, linkedRecords, total, offset, limit, entries, gaps, null, null, wellbeing);
    }

    /** The same page with its entries as the reader sees them, and the basis they see them on. */
    public Chronology seenAs(List<ChronologyEntry> shown, String basis, Instant emergencyAccessUntil) {
        return new Chronology(childId, linkedRecords, total, offset, limit, shown, gaps, basis, emergencyAccessUntil,
                wellbeing);
    }

    /** The same page with only the wellbeing ratings the reader may see. */
    public Chronology withWellbeing(List<WheelPoint> seen) {
        return new Chronology(childId, linkedRecords, total, offset, limit, entries, gaps, basis, emergencyAccessUntil, seen);
    }

    /**
     * The SHANARRI wheel at one plan review: the team's rating of each indicator it rated (every review of
     * the child's teams that rated any, oldest first, whatever page of the chronology is asked for).
     */
    public record WheelPoint(java.time.LocalDate heldOn, UUID teamId, UUID reviewId, String agencyId, List<Rated> ratings) {
    }

    /** One indicator's rating, with its level's score (1 to 5) and words. */
    public record Rated(String indicator, String level, int score, String words) {
    }

    /**
     * A producer's stream seen with a missing event (a version skipped) or an event out of order,
     * while recording an entry about this child: the chronology may be incomplete there.
     */
    public record Gap(long seq, UUID eventId, String source, String streamId, long expectedVersion,
                      long receivedVersion, String kind, java.time.Instant detectedAt) {
    }
}
