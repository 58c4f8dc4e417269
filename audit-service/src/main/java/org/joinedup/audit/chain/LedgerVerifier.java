package org.joinedup.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.EventType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes the ledger's chains from the entries' content, as stored, and names the first entry
 * where the stored hash does not follow: a changed entry, one removed or inserted before it, or two
 * entries swapped. A range is checked from the hash stored on the entry just before it, so an
 * inspector can check a part without the whole; each child's chain is checked too.
 */
@ApplicationScoped
public class LedgerVerifier {
    private final DataSource dataSource;

    public LedgerVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a chain broke. */
    public record Break(long seq, UUID eventId, String chain, String reason, String storedHash, String expectedHash) {
    }

    /** The outcome: how many entries were checked, the head reached, and the first break if any. */
    public record Verification(long checked, Long fromSeq, Long toSeq, String headHash, boolean intact, Break firstBreak) {
    }

    @Transactional
    public Verification verify(Long fromSeq, Long toSeq) {
        long from = fromSeq == null ? 0 : fromSeq;
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, " + LedgerFacts.COLUMNS
                     + ", entry_hash, child_hash, child_id, understood from ledger_entry where seq between ? and ? order by seq")) {
            String previous = hashBefore(c, from);
            Map<UUID, String> childPrevious = new HashMap<>();
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setFetchSize(1000);
            long checked = 0;
            Long first = null;
            Long last = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    first = first == null ? seq : first;
                    LedgerFacts facts = LedgerFacts.read(rs, 2);
                    UUID eventId = facts.eventId();
                    byte[] canonical = facts.canonicalBytes();
                    String stored = rs.getString(14);
                    String expected = HashChain.next(previous, canonical);
                    checked++;
                    if (!expected.equals(stored)) {
                        return broken(checked, fromSeq, toSeq, previous, new Break(seq, eventId, "ledger",
                                "the entry's hash does not follow from its content and the previous entry's hash: "
                                        + "this entry was changed, or an entry before it was removed, inserted or moved",
                                stored, expected));
                    }
                    UUID child = rs.getObject(16, UUID.class);
                    String misfiled = misfiled(child, facts, rs.getBoolean(17));
                    if (misfiled != null) {
                        return broken(checked, fromSeq, toSeq, previous, new Break(seq, eventId, "child", misfiled, null, null));
                    }
                    if (child != null) {
                        String childPrev = childPrevious.get(child);
                        if (childPrev == null) {
                            childPrev = from == 0 ? HashChain.GENESIS : childHashBefore(c, child, seq);
                        }
                        String childExpected = HashChain.next(childPrev, canonical);
                        if (!childExpected.equals(rs.getString(15))) {
                            return broken(checked, fromSeq, toSeq, previous, new Break(seq, eventId, "child",
                                    "the child's chain does not follow: an entry about child " + child
                                            + " before this one was changed, removed, inserted or moved",
                                    rs.getString(15), childExpected));
                        }
                        childPrevious.put(child, childExpected);
                    }
                    previous = stored;
                    last = seq;
                }
            }
            return new Verification(checked, first, last, previous, true, null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static Verification broken(long checked, Long from, Long to, String headBefore, Break b) {
        return new Verification(checked, from, to, headBefore, false, b);
    }

    /**
     * Why the entry is filed under the wrong child, or null when it is filed right: an entry filed under
     * a child must have that child as its subject, and an understood event about a child must be filed
     * under one. (An event stored before its type was known is filed under none, whatever it is.)
     */
    static String misfiled(UUID child, LedgerFacts facts, boolean understood) {
        if (child != null) {
            return child.toString().equals(facts.subject()) ? null
                    : "the entry is filed under child " + child + " but its subject is " + facts.subject();
        }
        UUID about = childOf(facts);
        return understood && about != null ? "the entry is about child " + about + " but filed under no child" : null;
    }

    /** The child the content says the entry is about (null for events not about a child, or of an unknown type). */
    static UUID childOf(LedgerFacts facts) {
        boolean aboutAChild = EventType.byTypeName(facts.type()).map(EventType::aboutAChild).orElse(false);
        if (!aboutAChild || facts.subject() == null) {
            return null;
        }
        try {
            return UUID.fromString(facts.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hashBefore(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select entry_hash from ledger_entry where seq < ? order by seq desc limit 1")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : HashChain.GENESIS;
            }
        }
    }

    private static String childHashBefore(Connection c, UUID child, long seq) throws SQLException {
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
