package org.joinedup.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The heads of the ledger's chains, read under the append lock, and the next places in it. */
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

    /**
     * The head of each child's chain (genesis for a child with no entries yet), in one statement: each
     * child's last entry is found by its own backward step along the {@code (child_id, seq)} index.
     * Nulls in the list are ignored.
     */
    public static Map<UUID, String> childHeads(Connection c, List<UUID> children) throws SQLException {
        Map<UUID, String> heads = new HashMap<>();
        Object[] distinct = new LinkedHashSet<>(children).stream().filter(Objects::nonNull).toArray();
        if (distinct.length == 0) {
            return heads;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select k.id, (select l.child_hash from ledger_entry l where l.child_id = k.id order by l.seq desc limit 1)
                from unnest(?::uuid[]) as k(id)""")) {
            ps.setArray(1, c.createArrayOf("uuid", distinct));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String hash = rs.getString(2);
                    heads.put(rs.getObject(1, UUID.class), hash == null ? HashChain.GENESIS : hash);
                }
            }
        }
        return heads;
    }

    /** The next {@code n} entry numbers, ascending (taken under the append lock, so no other writer interleaves). */
    public static long[] nextSeqs(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval(pg_get_serial_sequence('ledger_entry', 'seq')) from generate_series(1, ?) order by 1")) {
            ps.setInt(1, n);
            long[] seqs = new long[n];
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    rs.next();
                    seqs[i] = rs.getLong(1);
                }
            }
            return seqs;
        }
    }
}
