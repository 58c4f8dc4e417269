package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tamper evidence: rows changed, deleted and swapped directly in PostgreSQL (as a database
 * administrator could, with the append-only trigger switched off) are caught by verification, which
 * names the first broken entry. Each test puts the rows back, so the ledger is whole again after it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class LedgerVerificationTest {
    static final String INSPECTOR = TestTokens.token("inspector-1", "ofsted", Roles.INSPECTOR);

    @Inject
    DataSource dataSource;

    /** The owner of the tables, as a database administrator would connect; the service cannot. */
    @Inject
    @io.quarkus.agroal.DataSource("owner")
    DataSource owner;

    /** Three entries about one new child; their sequence numbers, in ledger order. */
    List<Long> threeEntries() throws SQLException {
        UUID child = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z"))).id());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seqs(child).size() == 3);
        return seqs(child);
    }

    List<Long> seqs(UUID child) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq from ledger_entry where child_id = ? order by seq")) {
            ps.setObject(1, child);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        }
    }

    static ValidatableResponse verify(Long from, Long to) {
        var request = given().auth().oauth2(INSPECTOR);
        if (from != null) {
            request = request.queryParam("fromSeq", from);
        }
        if (to != null) {
            request = request.queryParam("toSeq", to);
        }
        return request.get("/inspection/verification").then().statusCode(200);
    }

    /** Runs SQL as a database administrator would: with the append-only trigger off. */
    void asAdministrator(String... sql) throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            st.execute("alter table ledger_entry disable trigger ledger_no_update_or_delete");
            try {
                for (String s : sql) {
                    st.execute(s);
                }
            } finally {
                st.execute("alter table ledger_entry enable trigger ledger_no_update_or_delete");
            }
        }
    }

    @Test
    void an_untouched_ledger_verifies_whole_and_by_range() throws SQLException {
        List<Long> seqs = threeEntries();
        verify(null, null).body("intact", equalTo(true)).body("firstBreak", nullValue()).body("headHash", hasLength(64));
        verify(seqs.get(0), seqs.get(2)).body("intact", equalTo(true)).body("fromSeq", equalTo(seqs.get(0).intValue()))
                .body("toSeq", equalTo(seqs.get(2).intValue()));
    }

    @Test
    void a_changed_entry_is_named() throws SQLException {
        long middle = threeEntries().get(1);
        asAdministrator("update ledger_entry set payload = jsonb_set(payload, '{riskLevel}', '\"low\"') where seq = " + middle);
        try {
            verify(null, null).body("intact", equalTo(false)).body("firstBreak.seq", equalTo((int) middle))
                    .body("firstBreak.chain", equalTo("ledger"));
            verify(middle, middle).body("intact", equalTo(false)).body("firstBreak.seq", equalTo((int) middle));
        } finally {
            asAdministrator("update ledger_entry set payload = jsonb_set(payload, '{riskLevel}', '\"medium\"') where seq = " + middle);
        }
        verify(null, null).body("intact", equalTo(true));
    }

    @Test
    void a_changed_agency_or_time_is_named_too() throws SQLException {
        long first = threeEntries().get(0);
        asAdministrator("update ledger_entry set agency_id = 'someone-else' where seq = " + first);
        try {
            verify(null, null).body("firstBreak.seq", equalTo((int) first));
        } finally {
            asAdministrator("update ledger_entry set agency_id = 'met-police' where seq = " + first);
        }
        asAdministrator("update ledger_entry set occurred_at = occurred_at + interval '1 day' where seq = " + first);
        try {
            verify(null, null).body("firstBreak.seq", equalTo((int) first));
        } finally {
            asAdministrator("update ledger_entry set occurred_at = occurred_at - interval '1 day' where seq = " + first);
        }
        verify(null, null).body("intact", equalTo(true));
    }

    @Test
    void a_deleted_entry_breaks_the_chain_at_the_entry_after_it() throws SQLException {
        List<Long> seqs = threeEntries();
        long middle = seqs.get(1);
        asAdministrator("create temporary table kept as select * from ledger_entry where seq = " + middle,
                "delete from ledger_entry where seq = " + middle);
        try {
            verify(null, null).body("intact", equalTo(false)).body("firstBreak.seq", equalTo(seqs.get(2).intValue()));
        } finally {
            asAdministrator("insert into ledger_entry select * from kept", "drop table kept");
        }
        verify(null, null).body("intact", equalTo(true));
    }

    @Test
    void two_swapped_entries_are_named_at_the_first() throws SQLException {
        List<Long> seqs = threeEntries();
        long a = seqs.get(0);
        long b = seqs.get(2);
        String swap = """
                update ledger_entry l set payload = o.payload, event_id = o.event_id, occurred_at = o.occurred_at,
                    entry_hash = o.entry_hash, child_hash = o.child_hash
                from (select seq, payload, event_id, occurred_at, entry_hash, child_hash from ledger_entry where seq in (%d, %d)) o
                where l.seq in (%d, %d) and o.seq <> l.seq""".formatted(a, b, a, b);
        asAdministrator("alter table ledger_entry drop constraint ledger_entry_event_id_key", swap);
        try {
            verify(null, null).body("intact", equalTo(false)).body("firstBreak.seq", equalTo((int) a));
        } finally {
            asAdministrator(swap, "alter table ledger_entry add constraint ledger_entry_event_id_key unique (event_id)");
        }
        verify(null, null).body("intact", equalTo(true));
    }

    @Test
    void only_inspectors_verify_and_a_bad_range_is_400_naming_the_field() {
        given().get("/inspection/verification").then().statusCode(401);
        for (String role : List.of(Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.DIRECTORY_ADMIN)) {
            given().auth().oauth2(TestTokens.token("u", "met-police", role)).get("/inspection/verification").then().statusCode(403);
        }
        given().auth().oauth2(INSPECTOR).queryParam("fromSeq", "9").queryParam("toSeq", "3").get("/inspection/verification")
                .then().statusCode(400).body("violations.field", contains("toSeq")).body("violations.rule", contains("not-before-from"));
        given().auth().oauth2(INSPECTOR).queryParam("fromSeq", "x").queryParam("toSeq", "0").get("/inspection/verification")
                .then().statusCode(400).body("violations.field", contains("fromSeq", "toSeq"));
    }

    @Test
    void the_database_refuses_changes_while_the_trigger_is_on() throws SQLException {
        long seq = threeEntries().get(0);
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute("update ledger_entry set agency_id = 'x' where seq = " + seq));
            assertEquals(true, refused.getMessage().contains("append-only"));
        }
    }

    @Test
    void the_role_the_service_runs_as_cannot_change_delete_or_unprotect_ledger_rows() throws SQLException {
        long seq = threeEntries().get(0);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select current_user")) {
                rs.next();
                assertEquals("audit_app", rs.getString(1));
            }
            for (String sql : List.of("update ledger_entry set agency_id = 'x' where seq = " + seq,
                    "delete from ledger_entry where seq = " + seq, "truncate ledger_entry",
                    "alter table ledger_entry disable trigger ledger_no_update_or_delete",
                    "update event_store set subject = 'x' where false")) {
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertEquals(true, "42501".equals(refused.getSQLState()), sql + ": " + refused.getMessage());
            }
        }
        verify(null, null).body("intact", equalTo(true));
    }
}
