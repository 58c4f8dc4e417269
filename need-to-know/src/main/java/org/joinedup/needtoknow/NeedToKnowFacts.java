package org.joinedup.needtoknow;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.directory.view.Postcodes;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what the need-to-know policy weighs, from this service's own read models only (the
 * need-to-know tables and the directory copy): a read never calls another service.
 */
@ApplicationScoped
public class NeedToKnowFacts {
    private final DataSource dataSource;

    public NeedToKnowFacts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A child as one: every record read with it, and the latest place each gives. */
    public record Group(UUID childId, Set<UUID> records, List<Postcodes.Place> places) {
    }

    /** The groups of the children asked about; a child this service has never heard of is absent. */
    public Map<UUID, Group> groups(Collection<UUID> children) {
        Map<UUID, Set<UUID>> records = new LinkedHashMap<>();
        Map<UUID, List<Postcodes.Place>> places = new HashMap<>();
        Jdbc.query(dataSource, """
                select r.child_id, g.child_id, g.district, g.sector from ntk_child_record r
                join ntk_child_record g on g.group_id = r.group_id where r.child_id = any(?::uuid[])""", rs -> {
            UUID asked = rs.getObject(1, UUID.class);
            records.computeIfAbsent(asked, x -> new LinkedHashSet<>()).add(rs.getObject(2, UUID.class));
            List<Postcodes.Place> known = places.computeIfAbsent(asked, x -> new java.util.ArrayList<>());
            if (rs.getString(3) != null) {
                known.add(new Postcodes.Place(rs.getString(3), rs.getString(4)));
            }
            return null;
        }, array(children));
        Map<UUID, Group> groups = new LinkedHashMap<>();
        records.forEach((child, recs) -> groups.put(child, new Group(child, Set.copyOf(recs), List.copyOf(places.get(child)))));
        return groups;
    }

    /** The relationships of one agency with any of the records. */
    public List<Relationship> relationships(Collection<UUID> records, String agencyId) {
        if (agencyId == null || records.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(dataSource, """
                select child_id, agency_id, via, ref_id, record_id, concern_ids, actor_id, began_at, ended_at, expires_at
                from ntk_relationship where child_id = any(?::uuid[]) and agency_id = ?""",
                NeedToKnowFacts::relationship, array(records), agencyId);
    }

    /** The active children's social care agencies, with their areas and the postcodes they name. */
    public List<FrontDoorRule.FrontDoor> frontDoorAgencies() {
        return Jdbc.query(dataSource, """
                select agency_id, area, front_door_for from directory_agency where kind = ? and active order by agency_id""",
                rs -> new FrontDoorRule.FrontDoor(rs.getString(1), rs.getString(2), strings(rs.getArray(3))),
                AgencyKind.CHILDRENS_SOCIAL_CARE.wireName());
    }

    /**
     * The areas of the agencies that recorded something about any of the records (raised, or decided not
     * to share). Asked agency by agency of the directory (few), each by index, so a child with thousands of
     * records costs no more than one with one.
     */
    public Set<String> recordingAreas(Collection<UUID> records) {
        return new LinkedHashSet<>(Jdbc.query(dataSource, """
                select distinct a.area from directory_agency a
                where exists (select 1 from ntk_relationship x where x.agency_id = a.agency_id
                              and x.child_id = any(?::uuid[]) and x.via in ('raised', 'recorded'))""",
                rs -> rs.getString(1), array(records)));
    }

    /**
     * The agencies that hold records about any of the records (every relationship in force but
     * break-glass): those told when a lead opens the child's records by break-glass.
     */
    public List<String> agenciesInvolved(Collection<UUID> records) {
        return Jdbc.query(dataSource, """
                select distinct agency_id from ntk_relationship where child_id = any(?::uuid[]) and via <> 'emergency-access'
                  and ended_at is null order by agency_id""", rs -> rs.getString(1), array(records));
    }

    /** Whom to call at each agency, from the directory copy; an agency the directory does not know has no contact. */
    public Map<String, WhomToCall> whomToCall(Collection<String> agencyIds) {
        Map<String, WhomToCall> found = new HashMap<>();
        Jdbc.query(dataSource, """
                select agency_id, name, contact_mailbox, contact_phone from directory_agency where agency_id = any(?::text[])""",
                rs -> found.put(rs.getString(1), new WhomToCall(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))), textArray(agencyIds));
        for (String id : agencyIds) {
            if (id != null) {
                found.putIfAbsent(id, new WhomToCall(id, null, null, null));
            }
        }
        return found;
    }

    private static Relationship relationship(ResultSet rs) throws SQLException {
        Array concerns = rs.getArray(6);
        return new Relationship(rs.getObject(1, UUID.class), rs.getString(2),
                Via.fromWireName(rs.getString(3)).orElseThrow(() -> new IllegalStateException("unknown relationship")),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                concerns == null ? List.of() : Arrays.asList((UUID[]) concerns.getArray()), rs.getString(7),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String array(Collection<UUID> ids) {
        StringBuilder s = new StringBuilder("{");
        boolean first = true;
        for (UUID id : ids) {
            if (id != null) {
                s.append(first ? "" : ",").append(id);
                first = false;
            }
        }
        return s.append('}').toString();
    }

    private static String textArray(Collection<String> values) {
        StringBuilder s = new StringBuilder("{");
        boolean first = true;
        for (String v : values) {
            if (v != null) {
                s.append(first ? "" : ",").append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                first = false;
            }
        }
        return s.append('}').toString();
    }
}
