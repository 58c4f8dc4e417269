package org.joinedup.needtoknow;

import org.joinedup.events.access.AccessBasis;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see what of a child: the need-to-know policy, in one place (docs/access.md). Pure: it reads
 * facts the caller gathered from local read models, never another service.
 *
 * <ol>
 * <li>An inspector sees everything.</li>
 * <li>Otherwise a reader sees a child only with a standing: its agency is the child's front door, or
 *     the reader opened the whole picture by break-glass (until it expires), or its agency has a
 *     relationship in force with any record of the child (raised or recorded something, was shared or
 *     referred something, shared or referred, is in the child's team). Without one: nothing, answered
 *     as 404, like a child that does not exist.</li>
 * <li>The front door and break-glass see every record in full.</li>
 * <li>A relationship shows in full the records the reader's agency made, those it is a party to (a share
 *     or referral sent or received, the team it is in), and the concerns shared or referred to it;
 *     who opened the record by break-glass, and why, is shown to every agency involved. Every other
 *     record shows as a headline: which agency, what kind of record, the category, the date, and whom
 *     to call.</li>
 * </ol>
 */
public final class NeedToKnow {
    private NeedToKnow() {
    }

    /** Who is reading: their agency (from the token), their subject, and whether they are an inspector. */
    public record Reader(String agencyId, String actorId, boolean inspector) {
    }

    /**
     * What the local read models hold about one child (all its records) for the reader.
     *
     * @param relationships the relationships of the reader's agency with any record of the child
     * @param frontDoors    the child's front doors ({@link FrontDoorRule})
     * @param now           the moment of reading (break-glass runs out by it)
     */
    public record Facts(List<Relationship> relationships, Set<String> frontDoors, Instant now) {
    }

    /**
     * The reader's standing with a child, or empty when it has none (the answer is then 404).
     */
    public static Optional<Standing> standing(Reader reader, Facts facts) {
        if (reader.inspector()) {
            return Optional.of(new Standing(AccessBasis.INSPECTOR, true, reader.agencyId(), Set.of(), Set.of(), null));
        }
        if (reader.agencyId() == null) {
            return Optional.empty();
        }
        List<Relationship> live = facts.relationships().stream()
                .filter(r -> reader.agencyId().equals(r.agencyId()) && r.inForce(facts.now()))
                .filter(r -> r.via() != Via.EMERGENCY_ACCESS || (reader.actorId() != null && reader.actorId().equals(r.actorId())))
                .toList();
        if (facts.frontDoors().contains(reader.agencyId())) {
            return Optional.of(new Standing(AccessBasis.FRONT_DOOR, true, reader.agencyId(), Set.of(), Set.of(), null));
        }
        Optional<Instant> glass = live.stream().filter(r -> r.via() == Via.EMERGENCY_ACCESS).map(Relationship::expiresAt)
                .max(Comparator.naturalOrder());
        if (glass.isPresent()) {
            return Optional.of(new Standing(AccessBasis.EMERGENCY_ACCESS, true, reader.agencyId(), Set.of(), Set.of(),
                    glass.get()));
        }
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> records = new HashSet<>();
        Set<UUID> concerns = new HashSet<>();
        for (Relationship r : live) {
            records.add(r.recordId());
            if (r.via() == Via.SHARED_TO || r.via() == Via.REFERRED_TO) {
                concerns.addAll(r.concernIds());
            }
        }
        return Optional.of(new Standing(AccessBasis.RELATIONSHIP, false, reader.agencyId(), Set.copyOf(records),
                Set.copyOf(concerns), null));
    }

    /**
     * A reader's standing with one child.
     *
     * @param basis          what lets the reader see the child at all
     * @param wholePicture   every record in full (inspector, front door, break-glass)
     * @param agencyId       the reader's agency
     * @param fullRecords    records the reader's agency made or is a party to
     * @param fullConcerns   concerns shared or referred to the reader's agency
     * @param emergencyUntil when the reader's break-glass runs out (emergency access only)
     */
    public record Standing(AccessBasis basis, boolean wholePicture, String agencyId, Set<UUID> fullRecords,
                           Set<UUID> fullConcerns, Instant emergencyUntil) {

        /** How much of one record about the child the reader sees. */
        public Sight sight(RecordRef record) {
            if (wholePicture || record.kind() == RecordKind.EMERGENCY_ACCESS) {
                return Sight.FULL;
            }
            if (agencyId != null && (agencyId.equals(record.owner()) || record.parties().contains(agencyId))) {
                return Sight.FULL;
            }
            if (record.recordId() != null && (fullRecords.contains(record.recordId())
                    || (record.kind() == RecordKind.CONCERN && fullConcerns.contains(record.recordId())))) {
                return Sight.FULL;
            }
            return Sight.HEADLINE;
        }
    }
}
