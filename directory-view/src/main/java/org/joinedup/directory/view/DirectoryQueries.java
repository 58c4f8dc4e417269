package org.joinedup.directory.view;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.events.directory.Contact;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the directory read model; answers the sharing question from it, with no call to another service. */
@ApplicationScoped
public class DirectoryQueries {
    private final DataSource dataSource;

    public DirectoryQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<AgencyView> agency(String agencyId) {
        List<AgencyView> found = agencies("select * from directory_agency where agency_id = ?", agencyId);
        return found.stream().findFirst();
    }

    /**
     * The agency a request names, when it may take part: 422 naming the field when it is not
     * registered ({@code known-agency}) or is deactivated ({@code active-agency}).
     */
    public AgencyView requireActiveAgency(String field, String agencyId) {
        AgencyView agency = agency(agencyId).orElseThrow(() -> org.joinedup.platform.http.ProblemException.unprocessable(
                field, "known-agency", "agency " + agencyId + " is not registered"));
        if (!agency.active()) {
            throw org.joinedup.platform.http.ProblemException.unprocessable(field, "active-agency",
                    "agency " + agencyId + " is deactivated");
        }
        return agency;
    }

    /** Agencies filtered by kind, area and a text found in the id or name; active ones unless asked. */
    public List<AgencyView> searchAgencies(String kind, String area, String text, boolean includeInactive) {
        return agencies("""
                select * from directory_agency
                where (?::text is null or kind = ?) and (?::text is null or lower(area) = lower(?))
                  and (?::text is null or agency_id ilike '%' || ? || '%' or name ilike '%' || ? || '%')
                  and (? or active)
                order by name, agency_id""", kind, kind, area, area, text, text, text, includeInactive);
    }

    public Optional<AgreementView> agreement(UUID agreementId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from directory_agreement where agreement_id = ?");
             PreparedStatement sig = c.prepareStatement("""
                     select party, signatory_name, signatory_role, signed_at from directory_agreement_signature
                     where agreement_id = ? order by signed_at, party""")) {
            ps.setObject(1, agreementId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                sig.setObject(1, agreementId);
                List<AgreementView.Signature> signatures = new ArrayList<>();
                try (ResultSet s = sig.executeQuery()) {
                    while (s.next()) {
                        signatures.add(new AgreementView.Signature(s.getString(1), s.getString(2), s.getString(3),
                                s.getTimestamp(4).toInstant()));
                    }
                }
                AgreementTerms terms = terms(rs);
                List<String> awaiting = terms.parties().stream()
                        .filter(p -> signatures.stream().noneMatch(s -> s.party().equals(p))).toList();
                return Optional.of(new AgreementView(agreementId, terms, rs.getString("status"), signatures, awaiting,
                        instant(rs, "proposed_at"), instant(rs, "activated_at"), instant(rs, "revoked_at"),
                        rs.getString("revocation_reason"), instant(rs, "expired_at"), rs.getInt("version")));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Every agreement binding both agencies, whatever its state. */
    public List<AgreementStatus> agreementsBinding(String agencyA, String agencyB) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select * from directory_agreement where parties @> ?::text[]")) {
            ps.setArray(1, c.createArrayOf("text", new Object[] {agencyA, agencyB}));
            List<AgreementStatus> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new AgreementStatus(rs.getObject("agreement_id", UUID.class), terms(rs),
                            instant(rs, "activated_at"), instant(rs, "revoked_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** May {@code from} share {@code category} with {@code to} for {@code purpose} at {@code at}? */
    public SharingPolicy.Decision mayShare(SharingPolicy.Question question) {
        return SharingPolicy.decide(question, agreementsBinding(question.fromAgency(), question.toAgency()));
    }

    private List<AgencyView> agencies(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<AgencyView> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new AgencyView(rs.getString("agency_id"), rs.getString("name"), rs.getString("kind"),
                            rs.getString("area"), new Contact(rs.getString("contact_mailbox"), rs.getString("contact_phone")),
                            strings(rs.getArray("client_ids")), rs.getBoolean("active"), rs.getInt("version"),
                            strings(rs.getArray("front_door_for"))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static AgreementTerms terms(ResultSet rs) throws SQLException {
        return new AgreementTerms(rs.getString("title"), strings(rs.getArray("parties")),
                strings(rs.getArray("categories")), strings(rs.getArray("purposes")), rs.getString("lawful_basis"),
                rs.getString("special_category_condition"), rs.getString("partnership_level"),
                rs.getString("meeting_frequency"), rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to").toLocalDate(), rs.getDate("review_date").toLocalDate());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("could not read the directory (SQLState " + e.getSQLState() + ")", e);
    }
}
