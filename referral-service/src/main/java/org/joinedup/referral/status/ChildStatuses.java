package org.joinedup.referral.status;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows of a child's status, from its read models: the child records an NHS number is
 * on (with every record linked to them), and the facts in force about them. The most serious in force is
 * the status: police protection, a child protection plan, looked after, a child in need plan, early help.
 */
@ApplicationScoped
public class ChildStatuses {
    private final DataSource dataSource;

    public ChildStatuses(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A status in force: its kind, since when, the agency holding it, the plan's categories. */
    public record Status(String kind, Instant since, String agencyId, List<String> categories, UUID childId) {
    }

    /**
     * The child records an NHS number is on, with every record linked to one of them (links in force,
     * followed through), oldest-known first: one child as the platform reads it.
     */
    public List<UUID> records(String nhsNumber) {
        return Jdbc.query(dataSource, """
                with recursive grp(child_id) as (
                    select child_id from known_child_nhs where nhs_number = ?
                    union
                    select case when l.child_id = g.child_id then l.linked_child_id else l.child_id end
                    from known_child_link l join grp g on l.active and (l.child_id = g.child_id or l.linked_child_id = g.child_id)
                )
                select g.child_id from grp g left join known_child k on k.child_id = g.child_id
                order by k.registered_at nulls last, g.child_id""", rs -> rs.getObject(1, UUID.class), nhsNumber);
    }

    /** A child record with every record linked to it (links in force, followed through), the record itself first. */
    public List<UUID> recordsOf(UUID childId) {
        return Jdbc.query(dataSource, """
                with recursive grp(child_id) as (
                    select ?::uuid
                    union
                    select case when l.child_id = g.child_id then l.linked_child_id else l.child_id end
                    from known_child_link l join grp g on l.active and (l.child_id = g.child_id or l.linked_child_id = g.child_id)
                )
                select child_id from grp""", rs -> rs.getObject(1, UUID.class), childId);
    }

    /** The most serious status in force about any of the records; empty when none. */
    public Optional<Status> status(List<UUID> records) {
        return inForce(records).stream().findFirst();
    }

    /** Every status in force about any of the records, the most serious first. */
    public List<Status> inForce(List<UUID> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(dataSource, """
                select kind, since, agency_id, categories, child_id from child_status_fact
                where child_id = any(?::uuid[]) and ended_at is null""", rs -> new Status(rs.getString(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), Arrays.asList((String[]) rs.getArray(4).getArray()),
                rs.getObject(5, UUID.class)), (Object) records.toArray(UUID[]::new)).stream()
                .sorted(java.util.Comparator.comparingInt((Status s) -> StatusFacts.PRECEDENCE.indexOf(s.kind()))
                        .thenComparing(Status::since)).toList();
    }
}
