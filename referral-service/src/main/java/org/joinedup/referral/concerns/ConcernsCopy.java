package org.joinedup.referral.concerns;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventPayload;
import org.joinedup.events.Topics;
import org.joinedup.events.concern.ChildRegistered;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.events.concern.ConcernWithdrawn;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.platform.consume.EventHandler;
import org.joinedup.platform.consume.ReceivedEvent;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * referral-service's copy of what it needs from {@code concerns.events}: which children exist (and their NHS
 * numbers, and which records a lead linked), which agency raised each concern about which child, whether it
 * was withdrawn, and to whom it was shared.
 * A referral is checked against it, never by calling concern-service. Descriptions are not copied.
 */
@ApplicationScoped
public class ConcernsCopy implements EventHandler {
    private final DataSource dataSource;

    public ConcernsCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String consumerName() {
        return "referral-service-concerns";
    }

    @Override
    public java.util.Set<String> topics() {
        return java.util.Set.of(Topics.CONCERNS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        EventPayload p = event.payload();
        if (p instanceof ChildRegistered r) {
            knowChild(r.childId(), r.occurredAt());
            knowNhsNumber(r.childId(), r.identification());
        } else if (p instanceof ConcernRaised r) {
            // Concerns raised before child-registered existed carry the only record of their child.
            knowChild(r.childId(), r.recordedAt());
            knowNhsNumber(r.childId(), r.child());
            Jdbc.update(dataSource, "insert into known_concern (concern_id, child_id, agency_id) values (?, ?, ?) "
                    + "on conflict do nothing", r.concernId(), r.childId(), r.agencyId());
        } else if (p instanceof ConcernWithdrawn w) {
            Jdbc.update(dataSource, "update known_concern set withdrawn = true where concern_id = ?", w.concernId());
        } else if (p instanceof org.joinedup.events.concern.ChildRecordsLinked l) {
            Jdbc.update(dataSource, """
                    insert into known_child_link (link_id, child_id, linked_child_id, active) values (?, ?, ?, true)
                    on conflict do nothing""", l.linkId(), l.childId(), l.linkedChildId());
        } else if (p instanceof org.joinedup.events.concern.ChildRecordsUnlinked u) {
            Jdbc.update(dataSource, "update known_child_link set active = false where link_id = ?", u.linkId());
        } else if (p instanceof InformationShared s) {
            for (UUID concern : s.concernIds()) {
                Jdbc.update(dataSource, "insert into known_concern_share (concern_id, to_agency) values (?, ?) "
                        + "on conflict do nothing", concern, s.toAgency());
            }
        }
    }

    /** The NHS number an identification gives for the child record, for "is anyone worried?" (docs/pathway.md). */
    private void knowNhsNumber(UUID childId, org.joinedup.events.concern.ChildIdentification child) {
        if (child != null && child.nhsNumber() != null) {
            Jdbc.update(dataSource, "insert into known_child_nhs (nhs_number, child_id) values (?, ?) on conflict do nothing",
                    child.nhsNumber(), childId);
        }
    }

    private void knowChild(UUID childId, java.time.Instant at) {
        Jdbc.update(dataSource, "insert into known_child (child_id, registered_at) values (?, ?) on conflict do nothing",
                childId, Timestamp.from(at));
    }

    /** A concern as this service knows it. */
    public record KnownConcern(UUID concernId, UUID childId, String agencyId, boolean withdrawn, boolean sharedWith) {
    }

    public boolean childKnown(UUID childId) {
        return !Jdbc.query(dataSource, "select 1 from known_child where child_id = ?", rs -> true, childId).isEmpty();
    }

    /** The concern, with whether it was shared with {@code agency}. */
    public Optional<KnownConcern> concern(UUID concernId, String agency) {
        return Jdbc.query(dataSource, """
                select child_id, agency_id, withdrawn,
                       exists (select 1 from known_concern_share s where s.concern_id = k.concern_id and s.to_agency = ?)
                from known_concern k where concern_id = ?""",
                rs -> new KnownConcern(concernId, rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4)), agency, concernId).stream().findFirst();
    }

    /**
     * 422 unless the child is known and each concern is about that child, not withdrawn, and the
     * referring agency's own or shared with it.
     */
    public void requireCitable(UUID childId, java.util.List<UUID> concernIds, String agency) {
        if (!childKnown(childId)) {
            throw ProblemException.unprocessable("childId", "known-child", "child " + childId
                    + " is not known to the platform (children come from concern-service; a child raised about "
                    + "seconds ago may not have arrived yet: retry)");
        }
        for (int i = 0; i < concernIds.size(); i++) {
            UUID id = concernIds.get(i);
            String field = "concernIds[" + i + "]";
            KnownConcern k = concern(id, agency).orElseThrow(() -> ProblemException.unprocessable(field, "known-concern",
                    "concern " + id + " is not known (a concern raised seconds ago may not have arrived yet: retry)"));
            if (!k.agencyId().equals(agency) && !k.sharedWith()) {
                throw ProblemException.unprocessable(field, "visible-concern",
                        "concern " + id + " was neither raised by nor shared with agency " + agency);
            }
            if (!k.childId().equals(childId)) {
                throw ProblemException.unprocessable(field, "concern-of-child", "concern " + id + " is about another child");
            }
            if (k.withdrawn()) {
                throw ProblemException.unprocessable(field, "concern-withdrawn", "concern " + id + " was withdrawn");
            }
        }
    }
}
