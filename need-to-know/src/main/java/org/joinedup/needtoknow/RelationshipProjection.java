package org.joinedup.needtoknow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.Postcodes;
import org.joinedup.events.EventPayload;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.events.concern.ChildRegistered;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.team.MemberAdded;
import org.joinedup.events.team.MemberLeft;
import org.joinedup.events.team.TeamAroundChildFormed;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the need-to-know read model from events, in the caller's transaction: relationships begin
 * and end by the events that make them, records are grouped as leads link and unlink them, and each
 * record keeps the latest place (postcode district and sector) an agency gave for the child. Every
 * change is idempotent (an event applied twice changes nothing), so it can follow a topic at least once.
 */
@ApplicationScoped
public class RelationshipProjection {
    private final DataSource dataSource;

    public RelationshipProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies one event; events that make no relationship, group or place are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventPayload event) {
        if (event instanceof ConcernRaised e) {
            Instant at = e.recordedAt() == null ? e.occurredAt() : e.recordedAt();
            place(e.childId(), e.child(), at);
            begin(e.childId(), e.agencyId(), Via.RAISED, e.concernId(), e.concernId(), List.of(), null, at, null);
        } else if (event instanceof ChildRegistered e) {
            place(e.childId(), e.identification(), e.registeredAt());
        } else if (event instanceof InformationShared e) {
            record(e.childId());
            begin(e.childId(), e.toAgency(), Via.SHARED_TO, e.shareId(), e.shareId(), e.concernIds(), null, e.sharedAt(), null);
            begin(e.childId(), e.fromAgency(), Via.SHARED_FROM, e.shareId(), e.shareId(), e.concernIds(), null, e.sharedAt(), null);
        } else if (event instanceof InformationShareDeclined e) {
            record(e.childId());
            begin(e.childId(), e.fromAgency(), Via.RECORDED, e.declineId(), e.declineId(), List.of(), null, e.decidedAt(), null);
        } else if (event instanceof ReferralMade e) {
            record(e.childId());
            begin(e.childId(), e.toAgency(), Via.REFERRED_TO, e.referralId(), e.referralId(), e.concernIds(), null, e.madeAt(), null);
            begin(e.childId(), e.fromAgency(), Via.REFERRED_FROM, e.referralId(), e.referralId(), e.concernIds(), null, e.madeAt(), null);
        } else if (event instanceof TeamAroundChildFormed e) {
            record(e.childId());
            e.members().forEach(m -> member(e.childId(), e.teamId(), m, e.formedAt()));
        } else if (event instanceof MemberAdded e) {
            record(e.childId());
            member(e.childId(), e.teamId(), e.member(), e.addedAt());
        } else if (event instanceof MemberLeft e) {
            Jdbc.update(dataSource, """
                    update ntk_relationship set ended_at = ? where via = 'team-member' and ref_id = ? and ended_at is null""",
                    ts(e.leftAt()), e.memberId());
        } else if (event instanceof EmergencyAccessGranted e) {
            record(e.childId());
            begin(e.childId(), e.agencyId(), Via.EMERGENCY_ACCESS, e.grantId(), e.grantId(), List.of(), e.grantedTo(),
                    e.grantedAt(), e.expiresAt());
        } else if (event instanceof ChildRecordsLinked e) {
            linked(e);
        } else if (event instanceof ChildRecordsUnlinked e) {
            unlinked(e);
        }
    }

    private void member(UUID childId, UUID teamId, TeamMember m, Instant at) {
        if (m.agencyId() != null) {
            begin(childId, m.agencyId(), Via.TEAM_MEMBER, m.memberId(), teamId, List.of(), null, at, null);
        }
    }

    private void begin(UUID childId, String agencyId, Via via, UUID refId, UUID recordId, List<UUID> concernIds,
                       String actorId, Instant at, Instant expiresAt) {
        if (agencyId == null) {
            return;
        }
        record(childId);
        Jdbc.update(dataSource, """
                insert into ntk_relationship (child_id, agency_id, via, ref_id, record_id, concern_ids, actor_id, began_at,
                                              expires_at)
                values (?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?) on conflict do nothing""",
                childId, agencyId, via.wireName(), refId, recordId, uuidArray(concernIds), actorId, ts(at),
                expiresAt == null ? null : ts(expiresAt));
    }

    /** Makes sure the service knows the record: alone in its own group until a lead links it. */
    private void record(UUID childId) {
        Jdbc.update(dataSource, "insert into ntk_child_record (child_id, group_id) values (?, ?) on conflict do nothing",
                childId, childId);
    }

    /** The latest place an agency gave for the child, as district and sector; an unplaceable postcode changes nothing. */
    private void place(UUID childId, ChildIdentification child, Instant at) {
        record(childId);
        if (child == null || at == null) {
            return;
        }
        Postcodes.place(child.postcode()).ifPresent(p -> Jdbc.update(dataSource, """
                update ntk_child_record set district = ?, sector = ?, placed_at = ?
                where child_id = ? and (placed_at is null or placed_at <= ?)""",
                p.district(), p.sector(), ts(at), childId, ts(at)));
    }

    private void linked(ChildRecordsLinked e) {
        record(e.childId());
        record(e.linkedChildId());
        Jdbc.update(dataSource, """
                insert into ntk_child_link (link_id, child_id, linked_child_id, in_force) values (?, ?, ?, true)
                on conflict do nothing""", e.linkId(), e.childId(), e.linkedChildId());
        regroup(new HashSet<>(List.of(groupOf(e.childId()), groupOf(e.linkedChildId()))));
    }

    private void unlinked(ChildRecordsUnlinked e) {
        record(e.childId());
        record(e.linkedChildId());
        Jdbc.update(dataSource, "update ntk_child_link set in_force = false where link_id = ?", e.linkId());
        regroup(new HashSet<>(List.of(groupOf(e.childId()), groupOf(e.linkedChildId()))));
    }

    private UUID groupOf(UUID childId) {
        return Jdbc.query(dataSource, "select group_id from ntk_child_record where child_id = ?",
                rs -> rs.getObject(1, UUID.class), childId).get(0);
    }

    /**
     * Recomputes the groups of every record now in the given groups, from the links in force among
     * them: each connected set of records becomes one group, named after its least record id (so the
     * same links always give the same groups).
     */
    private void regroup(Collection<UUID> groups) {
        List<UUID> records = Jdbc.query(dataSource, "select child_id from ntk_child_record where group_id = any(?::uuid[])",
                rs -> rs.getObject(1, UUID.class), uuidArray(List.copyOf(groups)));
        Map<UUID, Set<UUID>> edges = new HashMap<>();
        Jdbc.query(dataSource, """
                select child_id, linked_child_id from ntk_child_link
                where in_force and (child_id = any(?::uuid[]) or linked_child_id = any(?::uuid[]))""",
                rs -> {
                    UUID a = rs.getObject(1, UUID.class);
                    UUID b = rs.getObject(2, UUID.class);
                    edges.computeIfAbsent(a, x -> new HashSet<>()).add(b);
                    edges.computeIfAbsent(b, x -> new HashSet<>()).add(a);
                    return null;
                }, uuidArray(records), uuidArray(records));
        Set<UUID> seen = new HashSet<>();
        for (UUID start : records) {
            if (!seen.add(start)) {
                continue;
            }
            Set<UUID> component = new HashSet<>(List.of(start));
            Deque<UUID> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                for (UUID next : edges.getOrDefault(todo.pop(), Set.of())) {
                    if (component.add(next)) {
                        seen.add(next);
                        todo.push(next);
                    }
                }
            }
            UUID name = component.stream().min((x, y) -> x.toString().compareTo(y.toString())).orElseThrow();
            Jdbc.update(dataSource, "update ntk_child_record set group_id = ? where child_id = any(?::uuid[]) and group_id <> ?",
                    name, uuidArray(List.copyOf(component)), name);
        }
    }

    private static String uuidArray(Collection<UUID> ids) {
        return NeedToKnowFacts.array(ids);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
