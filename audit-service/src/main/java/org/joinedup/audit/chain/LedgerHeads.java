package org.joinedup.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The heads of the ledger's chains, read under the append lock. */
public final class LedgerHeads {
    private LedgerHeads() {
    }

    /** Serialises appends to the ledger until the transaction ends. */
    public static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended('audit-ledger-append', 0))")) {
            ps.executeQuery().close();
        }
    }

    /** The hash of the last entry, or the genesis hash for an empty ledger. */
    public static String head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select entry_hash from ledger_entry order by seq desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : HashChain.GENESIS;
        }
    }

    /** The child hash of the child's last entry, or the genesis hash. */
    public static String childHead(Connection c, UUID child) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select child_hash from ledger_entry where child_id = ? order by seq desc limit 1")) {
            ps.setObject(1, child);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : HashChain.GENESIS;
            }
        }
    }
}
