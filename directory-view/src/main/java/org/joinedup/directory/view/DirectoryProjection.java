package org.joinedup.directory.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventPayload;
import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.Contact;
import org.joinedup.events.directory.SharingAgreementActivated;
import org.joinedup.events.directory.SharingAgreementExpired;
import org.joinedup.events.directory.SharingAgreementProposed;
import org.joinedup.events.directory.SharingAgreementRevoked;
import org.joinedup.events.directory.SharingAgreementSigned;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies directory events to the directory read model, in the caller's transaction. Each event is
 * applied once per service: the directory applies it as it appends it; other services through the
 * platform's deduplicating consumer. Events of one agency or agreement arrive in order (same key).
 */
@ApplicationScoped
public class DirectoryProjection {
    private final DataSource dataSource;

    public DirectoryProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this projection knows the event type (every directory event). */
    public static boolean handles(EventPayload event) {
        return event.eventType().topic().equals(org.joinedup.events.Topics.DIRECTORY);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventPayload event) {
        try (Connection c = dataSource.getConnection()) {
            if (event instanceof AgencyRegistered e) {
                upsertAgency(c, e.agencyId(), e.name(), e.kind(), e.area(), e.contact(), e.clientIds(), e.frontDoorFor(), e.occurredAt());
            } else if (event instanceof AgencyUpdated e) {
                upsertAgency(c, e.agencyId(), e.name(), e.kind(), e.area(), e.contact(), e.clientIds(), e.frontDoorFor(), e.occurredAt());
            } else if (event instanceof AgencyDeactivated e) {
                update(c, "update directory_agency set active = false, version = version + 1, updated_at = ? "
                        + "where agency_id = ?", ts(e.occurredAt()), e.agencyId());
            } else if (event instanceof SharingAgreementProposed e) {
                upsertAgreement(c, e.agreementId(), e.terms(), e.occurredAt());
            } else if (event instanceof SharingAgreementSigned e) {
                update(c, """
                        insert into directory_agreement_signature (agreement_id, party, signatory_name, signatory_role, signed_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""",
                        e.agreementId(), e.partyAgencyId(), e.signatoryName(), e.signatoryRole(), ts(e.occurredAt()));
                update(c, "update directory_agreement set version = version + 1 where agreement_id = ?", e.agreementId());
            } else if (event instanceof SharingAgreementActivated e) {
                upsertAgreement(c, e.agreementId(), e.terms(), e.occurredAt());
                update(c, "update directory_agreement set status = 'active', activated_at = ?, version = version + 1 "
                        + "where agreement_id = ?", ts(e.occurredAt()), e.agreementId());
            } else if (event instanceof SharingAgreementRevoked e) {
                update(c, "update directory_agreement set status = 'revoked', revoked_at = ?, revocation_reason = ?, "
                        + "version = version + 1 where agreement_id = ?", ts(e.occurredAt()), e.reason(), e.agreementId());
            } else if (event instanceof SharingAgreementExpired e) {
                update(c, "update directory_agreement set status = 'expired', expired_at = ?, version = version + 1 "
                        + "where agreement_id = ?", ts(e.occurredAt()), e.agreementId());
            } else {
                throw new IllegalArgumentException("not a directory event: " + event.eventType().typeName());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply a directory event (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static void upsertAgency(Connection c, String id, String name, String kind, String area, Contact contact,
                                     List<String> clientIds, List<String> frontDoorFor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into directory_agency (agency_id, name, kind, area, contact_mailbox, contact_phone, client_ids,
                                              front_door_for, active, version, registered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, true, 1, ?, ?)
                on conflict (agency_id) do update set name = excluded.name, kind = excluded.kind, area = excluded.area,
                    contact_mailbox = excluded.contact_mailbox, contact_phone = excluded.contact_phone,
                    client_ids = excluded.client_ids, front_door_for = excluded.front_door_for, version = directory_agency.version + 1,
                    updated_at = excluded.updated_at""")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, kind);
            ps.setString(4, area);
            ps.setString(5, contact == null ? null : contact.mailbox());
            ps.setString(6, contact == null ? null : contact.phone());
            ps.setArray(7, c.createArrayOf("text", clientIds.toArray()));
            ps.setArray(8, c.createArrayOf("text", frontDoorFor.toArray()));
            ps.setTimestamp(9, ts(at));
            ps.setTimestamp(10, ts(at));
            ps.executeUpdate();
        }
    }

    private static void upsertAgreement(Connection c, UUID id, AgreementTerms t, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into directory_agreement (agreement_id, title, parties, categories, purposes, lawful_basis,
                    special_category_condition, partnership_level, meeting_frequency, valid_from, valid_to, review_date,
                    status, version, proposed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', 1, ?)
                on conflict (agreement_id) do nothing""")) {
            ps.setObject(1, id);
            ps.setString(2, t.title());
            ps.setArray(3, c.createArrayOf("text", t.parties().toArray()));
            ps.setArray(4, c.createArrayOf("text", t.categories().toArray()));
            ps.setArray(5, c.createArrayOf("text", t.purposes().toArray()));
            ps.setString(6, t.lawfulBasis());
            ps.setString(7, t.specialCategoryCondition());
            ps.setString(8, t.partnershipLevel());
            ps.setString(9, t.meetingFrequency());
            ps.setDate(10, Date.valueOf(t.validFrom()));
            ps.setDate(11, Date.valueOf(t.validTo()));
            ps.setDate(12, Date.valueOf(t.reviewDate()));
            ps.setTimestamp(13, ts(at));
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
