package org.joinedup.referral.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.AgencyView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.status.ChildStatusLookedUp;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.needtoknow.WhomToCall;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.OneFact;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.Jdbc;
import org.joinedup.referral.frontdoor.FrontDoors;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Is anyone worried?" for unscheduled care (beyond CP-IS): an agency asks by NHS number, for a stated
 * purpose, and is told the child's status, since when and whom to call, never details; a child with no
 * status is answered exactly as an unknown one. Every lookup is recorded; for a child the platform knows,
 * as an event that tells the child's front door (and the local authority holding a plan) at once. The asker
 * sees the last lookups by other unscheduled-care agencies, which is how repeated visits become visible.
 */
@ApplicationScoped
public class StatusLookups {
    /** How many earlier lookups the asker is shown (CP-IS shows 25). */
    public static final int RECENT = 25;
    /** The agency kinds of unscheduled care: emergency departments, GPs out of hours, ambulance services. */
    static final Set<String> UNSCHEDULED_CARE = Set.of(AgencyKind.HEALTH.wireName(), AgencyKind.GENERAL_PRACTICE.wireName());
    static final StreamKind<OneFact.Record<ChildStatusLookedUp>, Optional<ChildStatusLookedUp>, ChildStatusLookedUp> LOOKUPS =
            StreamKind.of("status-lookup-", ChildStatusLookedUp.class, new OneFact<>("lookup-recorded"));
    private final ChildStatuses statuses;
    private final CommandHandler handler;
    private final DirectoryQueries directory;
    private final NeedToKnowFacts facts;
    private final FrontDoors frontDoors;
    private final DataSource dataSource;

    public StatusLookups(ChildStatuses statuses, CommandHandler handler, DirectoryQueries directory, NeedToKnowFacts facts,
                         FrontDoors frontDoors, DataSource dataSource) {
        this.statuses = statuses;
        this.handler = handler;
        this.directory = directory;
        this.facts = facts;
        this.frontDoors = frontDoors;
        this.dataSource = dataSource;
    }

    /** The answer: the status ({@code none} when none is in force or the child is unknown), since when, whom to call. */
    public record Answer(String status, List<String> categories, Instant since, WhomToCall whomToCall,
                         List<Lookup> recentLookups) {
        static Answer none() {
            return new Answer("none", List.of(), null, null, List.of());
        }
    }

    /** An earlier lookup by another unscheduled-care agency: which, and when. */
    public record Lookup(String agencyId, String agencyName, Instant at) {
    }

    /** The agency, when it is an active agency of the directory (403 otherwise): registered agencies ask. */
    public String registered(String agencyId) {
        if (directory.agency(agencyId).filter(AgencyView::active).isEmpty()) {
            throw org.joinedup.platform.http.ProblemException.forbidden(
                    "only a registered, active agency looks up a child's status");
        }
        return agencyId;
    }

    /**
     * Answers and records one lookup.
     *
     * @param nhsNumber ten digits, checked
     */
    @Transactional
    public Answer lookUp(String nhsNumber, String purpose, String agencyId, EventMetadata meta) {
        Instant now = handler.now();
        List<UUID> records = statuses.records(nhsNumber);
        Optional<ChildStatuses.Status> status = statuses.status(records);
        Answer answer = status.map(s -> new Answer(s.kind(), s.categories(), s.since(), whomToCall(s, records),
                recent(records, agencyId))).orElseGet(Answer::none);
        UUID lookupId = UUID.randomUUID();
        String kind = directory.agency(agencyId).map(AgencyView::kind).orElse(null);
        UUID child = records.isEmpty() ? null : records.get(0);
        Jdbc.update(dataSource, """
                insert into status_lookup (lookup_id, child_id, agency_id, agency_kind, looked_up_by, purpose, answered, looked_up_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", lookupId, child, agencyId, kind, meta.actorId(), purpose, answer.status(),
                Timestamp.from(now));
        if (child != null) {
            List<String> told = told(records, status);
            handler.start(LOOKUPS, lookupId, meta, now, new OneFact.Record<>(new ChildStatusLookedUp(lookupId, child, agencyId,
                    meta.actorId(), purpose, answer.status(), told, now)));
        }
        return answer;
    }

    /** Every status in force about a child record and the records linked to it, each with whom to call; most serious first. */
    public List<InForce> ofChild(UUID childId) {
        List<UUID> records = statuses.recordsOf(childId);
        return statuses.inForce(records).stream().map(s -> new InForce(s.kind(), s.categories(), s.since(), s.agencyId(),
                whomToCall(s, records))).toList();
    }

    /** A status in force: its kind, categories, since when, the agency holding it and whom to call. */
    public record InForce(String status, List<String> categories, Instant since, String agencyId, WhomToCall whomToCall) {
    }

    /** The local authority holding a plan, the care or the protection; for early help, the child's front door. */
    private WhomToCall whomToCall(ChildStatuses.Status s, List<UUID> records) {
        String agency = statutory(s) ? s.agencyId() : frontDoorsOf(records).stream().findFirst().orElse(s.agencyId());
        Map<String, WhomToCall> contacts = facts.whomToCall(List.of(agency));
        return contacts.get(agency);
    }

    /** The child's front doors, and the local authority holding a plan, the care or the protection. */
    private List<String> told(List<UUID> records, Optional<ChildStatuses.Status> status) {
        Set<String> told = new LinkedHashSet<>(frontDoorsOf(records));
        status.filter(StatusLookups::statutory).ifPresent(s -> told.add(s.agencyId()));
        return new ArrayList<>(told);
    }

    /** Every status but early help is held by the local authority (police protection: the one told, else the force). */
    private static boolean statutory(ChildStatuses.Status s) {
        return !StatusFacts.EARLY_HELP.equals(s.kind()) && s.agencyId() != null;
    }

    private Set<String> frontDoorsOf(List<UUID> records) {
        Set<String> doors = new LinkedHashSet<>();
        for (UUID record : records) {
            doors.addAll(frontDoors.of(record, null, null));
        }
        return doors;
    }

    /** The last lookups of the child by other unscheduled-care agencies, newest first. */
    private List<Lookup> recent(List<UUID> records, String asker) {
        return Jdbc.query(dataSource, """
                select l.agency_id, a.name, l.looked_up_at from status_lookup l
                left join directory_agency a on a.agency_id = l.agency_id
                where l.child_id = any(?::uuid[]) and l.agency_id <> ? and l.agency_kind = any(?::text[])
                order by l.looked_up_at desc limit ?""", rs -> new Lookup(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant()), records.toArray(UUID[]::new), asker,
                UNSCHEDULED_CARE.toArray(String[]::new), RECENT);
    }
}
