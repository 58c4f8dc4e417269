package org.joinedup.audit.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.audit.chain.HashChain;
import org.joinedup.audit.chain.LedgerFacts;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes ledger entries as newline-delimited JSON, in ledger order, each with its canonical bytes (as
 * text) and hashes, reading with a cursor so a range of any size streams in constant memory. The
 * same lines make up a child's export, which an inspector checks with {@code tools/verify-export.py}
 * or the procedure in {@code docs/audit-ledger.md}.
 */
@ApplicationScoped
public class LedgerStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SELECT = "select seq, " + LedgerFacts.COLUMNS
            + ", entry_hash, child_hash, child_id, recorded_at from ledger_entry";
    private final DataSource dataSource;

    public LedgerStream(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every entry with from &lt;= seq &lt;= to; each line carries the previous hash of the ledger's chain. */
    public void range(long from, long to, OutputStream out) {
        write(SELECT + " where seq between ? and ? order by seq", out, false, ps -> {
            ps.setLong(1, from);
            ps.setLong(2, to);
        }, "select entry_hash from ledger_entry where seq < " + from + " order by seq desc limit 1");
    }

    /**
     * A child record's whole trail: a first line describing the export, then every entry about the
     * child in ledger order; each line carries the previous hash of the child's chain.
     */
    public void child(UUID childId, Instant exportedAt, OutputStream out) {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "joined-up-child-export/1");
        header.put("childId", childId.toString());
        header.put("exportedAt", exportedAt.toString());
        header.put("chain", "child");
        header.put("genesis", HashChain.GENESIS);
        header.put("rule", "hash = sha256(bytes(previousHash) || utf8(canonical)); see docs/audit-ledger.md");
        line(out, header);
        write(SELECT + " where child_id = ? order by seq", out, true, ps -> ps.setObject(1, childId), null);
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void write(String sql, OutputStream out, boolean childChain, Binder binder, String previousSql) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String previous = HashChain.GENESIS;
                if (previousSql != null) {
                    try (PreparedStatement ps = c.prepareStatement(previousSql); ResultSet rs = ps.executeQuery()) {
                        previous = rs.next() ? rs.getString(1) : HashChain.GENESIS;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    ps.setFetchSize(500);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            LedgerFacts facts = LedgerFacts.read(rs, 2);
                            String hash = childChain ? rs.getString(15) : rs.getString(14);
                            ObjectNode entry = JSON.createObjectNode();
                            entry.put("seq", rs.getLong(1));
                            entry.put("eventId", facts.eventId().toString());
                            entry.put("type", facts.type());
                            entry.put("childId", rs.getString(16));
                            entry.put("ledgerRecordedAt", rs.getTimestamp(17).toInstant().toString());
                            entry.put("previousHash", previous);
                            entry.put("hash", hash);
                            entry.put("entryHash", rs.getString(14));
                            entry.put("childHash", rs.getString(15));
                            entry.put("canonical", facts.canonicalJson());
                            line(out, entry);
                            previous = hash;
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static void line(OutputStream out, ObjectNode node) {
        try {
            out.write(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the reader went away", e);
        }
    }

}
