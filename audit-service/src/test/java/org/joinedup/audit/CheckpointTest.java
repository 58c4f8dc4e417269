package org.joinedup.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.audit.chain.HashChain;
import org.joinedup.audit.chain.LedgerFacts;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Signed checkpoints published outside the database catch what the chain alone cannot: the whole
 * chain rewritten from a changed entry onwards, every hash recomputed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "audit"), @ResourceArg(name = "app-role", value = "audit_app")})
class CheckpointTest {
    static final String INSPECTOR = TestTokens.token("inspector-5", "ofsted", Roles.INSPECTOR);

    @Inject
    DataSource dataSource;

    @Inject
    @io.quarkus.agroal.DataSource("owner")
    DataSource owner;

    @Test
    void a_whole_chain_rewrite_passes_verification_but_not_the_published_checkpoints() throws SQLException {
        UUID child = UUID.randomUUID();
        Events.publish(Events.concern(child, "met-police", "neglect", Instant.parse("2026-11-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> seqOf(child) > 0);
        long seq = seqOf(child);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(INSPECTOR)
                .get("/inspection/checkpoints").then().statusCode(200)
                .body("configured", equalTo(true))
                .body("allHold", equalTo(true))
                .body("checked.max { it.checkpoint.seq }.checkpoint.seq", greaterThanOrEqualTo((int) seq))
                .body("checked.every { it.signatureValid }", equalTo(true)));

        rewriteFrom(seq, "'\"low\"'");
        try {
            given().auth().oauth2(INSPECTOR).get("/inspection/verification").then().body("intact", equalTo(true));
            given().auth().oauth2(INSPECTOR).get("/inspection/checkpoints").then()
                    .body("allHold", equalTo(false))
                    .body("firstFailure.matchesLedger", equalTo(false))
                    .body("firstFailure.signatureValid", equalTo(true))
                    .body("firstFailure.checkpoint.seq", greaterThanOrEqualTo((int) seq));
        } finally {
            rewriteFrom(seq, "'\"medium\"'");
        }
        given().auth().oauth2(INSPECTOR).get("/inspection/verification").then().body("intact", equalTo(true));
    }

    @Test
    void only_inspectors_read_checkpoints() {
        given().auth().oauth2(TestTokens.token("l", "haringey-csc", Roles.SAFEGUARDING_LEAD)).get("/inspection/checkpoints")
                .then().statusCode(403);
    }

    long seqOf(UUID child) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from ledger_entry where child_id = ?")) {
            ps.setObject(1, child);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * What someone with full control of the database could do: change an entry's risk level, then
     * recompute every later hash (both chains) so that the chain verifies, holding the append lock.
     */
    void rewriteFrom(long seq, String riskLevel) throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select pg_advisory_xact_lock(hashtextextended('audit-ledger-append', 0))");
            st.execute("alter table ledger_entry disable trigger ledger_no_update_or_delete");
            st.execute("update ledger_entry set payload = jsonb_set(payload, '{riskLevel}', " + riskLevel + ") where seq = " + seq);
            String previous;
            try (ResultSet rs = st.executeQuery("select entry_hash from ledger_entry where seq < " + seq + " order by seq desc limit 1")) {
                previous = rs.next() ? rs.getString(1) : HashChain.GENESIS;
            }
            Map<UUID, String> childPrevious = new HashMap<>();
            try (PreparedStatement update = c.prepareStatement("update ledger_entry set entry_hash = ?, child_hash = ? where seq = ?");
                 ResultSet rs = c.createStatement().executeQuery("select seq, " + LedgerFacts.COLUMNS
                         + ", child_id from ledger_entry where seq >= " + seq + " order by seq")) {
                while (rs.next()) {
                    byte[] canonical = LedgerFacts.read(rs, 2).canonicalBytes();
                    previous = HashChain.next(previous, canonical);
                    UUID child = rs.getObject(14, UUID.class);
                    String childHash = null;
                    if (child != null) {
                        String before = childPrevious.containsKey(child) ? childPrevious.get(child) : childHashBefore(c, child, seq);
                        childHash = HashChain.next(before, canonical);
                        childPrevious.put(child, childHash);
                    }
                    update.setString(1, previous);
                    update.setString(2, childHash);
                    update.setLong(3, rs.getLong(1));
                    update.executeUpdate();
                }
            }
            st.execute("alter table ledger_entry enable trigger ledger_no_update_or_delete");
            c.commit();
        }
    }

    static String childHashBefore(Connection c, UUID child, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select child_hash from ledger_entry where child_id = ? and seq < ? order by seq desc limit 1")) {
            ps.setObject(1, child);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : HashChain.GENESIS;
            }
        }
    }
}
