package org.joinedup.needtoknow;

import jakarta.enterprise.context.RequestScoped;
import org.joinedup.events.access.AccessBasis;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every read of a child's data asks here first: what does this caller see of this child? It gathers the
 * facts from the service's own read models, asks {@link NeedToKnow}, records what was read (with its
 * basis) and what was refused. One per request.
 */
@RequestScoped
public class ChildReads {
    /** The rule recorded when a reader with no standing asks about a child. */
    public static final String NO_RELATIONSHIP = "no-relationship";
    private final Caller caller;
    private final NeedToKnowFacts facts;
    private final AccessLog access;
    private final Clock clock;
    private final Map<String, WhomToCall> contacts = new HashMap<>();
    private List<FrontDoorRule.FrontDoor> frontDoorAgencies;

    public ChildReads(Caller caller, NeedToKnowFacts facts, AccessLog access, Clock clock) {
        this.caller = caller;
        this.facts = facts;
        this.access = access;
        this.clock = clock;
    }

    public NeedToKnow.Reader reader() {
        return new NeedToKnow.Reader(caller.agencyId().orElse(null), caller.subject(), caller.hasRole(Roles.INSPECTOR));
    }

    /** The reader's sight of each child it has a standing with; a child it has none with (or unknown here) is absent. */
    public Map<UUID, ChildSight> sights(Collection<UUID> children) {
        NeedToKnow.Reader reader = reader();
        Map<UUID, NeedToKnowFacts.Group> groups = facts.groups(children);
        Map<UUID, ChildSight> seen = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return seen;
        }
        Instant now = clock.instant();
        boolean mayBeFrontDoor = !reader.inspector() && reader.agencyId() != null
                && frontDoorAgencies().stream().anyMatch(a -> a.agencyId().equals(reader.agencyId()));
        // The front door sees the whole picture whatever its relationships: they are read only for the rest.
        Map<UUID, Set<String>> doors = new HashMap<>();
        Set<UUID> needRelationships = new java.util.HashSet<>();
        for (NeedToKnowFacts.Group group : groups.values()) {
            Set<String> d = mayBeFrontDoor ? FrontDoorRule.frontDoors(group.places(),
                    () -> facts.recordingAreas(group.records()), frontDoorAgencies()) : Set.of();
            doors.put(group.childId(), d);
            if (!reader.inspector() && !d.contains(reader.agencyId())) {
                needRelationships.addAll(group.records());
            }
        }
        List<Relationship> relationships = needRelationships.isEmpty() ? List.of()
                : facts.relationships(needRelationships, reader.agencyId());
        for (NeedToKnowFacts.Group group : groups.values()) {
            List<Relationship> mine = relationships.stream().filter(r -> group.records().contains(r.childId())).toList();
            NeedToKnow.standing(reader, new NeedToKnow.Facts(mine, doors.get(group.childId()), now))
                    .ifPresent(s -> seen.put(group.childId(), new ChildSight(group.childId(), group.records(), s)));
        }
        return seen;
    }

    public Optional<ChildSight> sight(UUID child) {
        return Optional.ofNullable(sights(List.of(child)).get(child));
    }

    /**
     * The reader's sight of a child, or the {@code notFound} problem, exactly as for a child that does
     * not exist; a refusal of a child this service knows is recorded ({@code record-access-refused}).
     */
    public ChildSight require(UUID child, String what, Supplier<ProblemException> notFound) {
        Optional<ChildSight> sight = sight(child);
        if (sight.isEmpty()) {
            refuse(child, what);
            throw notFound.get();
        }
        return sight.get();
    }

    /** Records that the policy refused the reader {@code what} about a child this service knows. */
    public void refuse(UUID child, String what) {
        if (child != null && !facts.groups(List.of(child)).isEmpty()) {
            access.refused(what, child, NO_RELATIONSHIP);
        }
    }

    /** Records that the reader read {@code what} about the children of each row, on the basis its sight gives. */
    public <T> void readRows(String what, Collection<Seen<T>> rows) {
        read(what, rows.stream().flatMap(r -> r.sights().stream()).toList());
    }

    /** Records that the reader read {@code what} about each child, on the basis its sight gives. */
    public void read(String what, Collection<ChildSight> sights) {
        Map<UUID, AccessBasis> each = new LinkedHashMap<>();
        sights.forEach(s -> each.putIfAbsent(s.childId(), s.basis()));
        access.read(what, each);
    }

    public void read(String what, ChildSight sight) {
        read(what, List.of(sight));
    }

    /**
     * Records that the reader read {@code what} about a child and about each of its records whose data the
     * answer holds (a linked record's concerns, say), so each record's own trail shows the read.
     */
    public void read(String what, ChildSight sight, Collection<UUID> records) {
        Map<UUID, AccessBasis> each = new LinkedHashMap<>();
        each.put(sight.childId(), sight.basis());
        records.forEach(r -> each.putIfAbsent(r, sight.basis()));
        access.read(what, each);
    }

    /** A row of a list, with the sights of those of its children the reader may see (at least one). */
    public record Seen<T>(T row, List<ChildSight> sights) {
        /** The sight of one of the row's children, if the reader sees that child. */
        public Optional<ChildSight> of(UUID child) {
            return sights.stream().filter(s -> s.childId().equals(child)).findFirst();
        }
    }

    /** Reads one page of a list: the rows from {@code offset}, at most {@code limit}, in the list's order. */
    @FunctionalInterface
    public interface Page<T> {
        List<T> rows(int offset, int limit);
    }

    /**
     * The first {@code limit} rows of a list that are about a child the reader may see, in the list's
     * order: rows about children the reader has no standing with are left out (never counted, never
     * hinted at). Reads the list a batch at a time until it has enough.
     *
     * @param children the children a row is about (a match candidate is about two)
     */
    public <T> List<Seen<T>> visible(Page<T> page, java.util.function.Function<T, List<UUID>> children, int limit) {
        int batch = Math.max(50, Math.min(limit * 2, 1000));
        List<Seen<T>> seen = new java.util.ArrayList<>();
        int offset = 0;
        while (seen.size() < limit) {
            List<T> rows = page.rows(offset, batch);
            Set<UUID> all = new java.util.LinkedHashSet<>();
            rows.forEach(r -> all.addAll(children.apply(r)));
            Map<UUID, ChildSight> sights = all.isEmpty() ? Map.of() : sights(all);
            for (T row : rows) {
                List<ChildSight> mine = children.apply(row).stream().map(sights::get).filter(java.util.Objects::nonNull)
                        .distinct().toList();
                if (!mine.isEmpty() && seen.size() < limit) {
                    seen.add(new Seen<>(row, mine));
                }
            }
            if (rows.size() < batch) {
                break;
            }
            offset += rows.size();
        }
        return seen;
    }

    /** Whom to call at an agency (the directory's contact), looked up once per request. */
    public WhomToCall whomToCall(String agencyId) {
        if (agencyId == null) {
            return null;
        }
        if (!contacts.containsKey(agencyId)) {
            contacts.putAll(facts.whomToCall(List.of(agencyId)));
        }
        return contacts.get(agencyId);
    }

    /** Looks up the contacts of several agencies at once, before {@link #whomToCall} is asked for each. */
    public void prefetchContacts(Collection<String> agencyIds) {
        List<String> missing = agencyIds.stream().filter(a -> a != null && !contacts.containsKey(a)).distinct().toList();
        if (!missing.isEmpty()) {
            contacts.putAll(facts.whomToCall(missing));
        }
    }

    /** A headline of a record the reader may not read, with whom to call at the agency that holds it. */
    public Headline headline(RecordKind kind, UUID recordId, String type, String agencyId, String category, Instant occurredAt) {
        return new Headline(kind.wireName(), recordId, type, agencyId, category, occurredAt, whomToCall(agencyId));
    }

    private List<FrontDoorRule.FrontDoor> frontDoorAgencies() {
        if (frontDoorAgencies == null) {
            frontDoorAgencies = facts.frontDoorAgencies();
        }
        return frontDoorAgencies;
    }
}
