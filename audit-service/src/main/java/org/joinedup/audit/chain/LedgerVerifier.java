package org.joinedup.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.events.EventType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** One entry as read, with the hash before its child's first entry in the range (only there). */
    private record Row(long seq, LedgerFacts facts, String entryHash, String childHash, UUID child, boolean understood,
                       String childHashBefore) {
    }

    /** Rows handed from the reader to the checker; the last one ends the range, or says why reading failed. */
    private record Batch(List<Row> rows, boolean last, RuntimeException failure) {
    }

    private static final int BATCH = 1000;

    /**
     * Checks the entries with fromSeq &lt;= seq &lt;= toSeq (either open). One thread reads the rows while
     * this one recomputes their hashes, so PostgreSQL sends the next rows while the last ones are checked:
     * reading and hashing each took about half of a check done in turn.
     */
    public Verification verify(Long fromSeq, Long toSeq) {
        long from = fromSeq == null ? 0 : fromSeq;
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the rows are fetched in batches through a cursor, which needs a transaction
            try (PreparedStatement ps = c.prepareStatement("select seq, " + LedgerFacts.COLUMNS
                    + ", entry_hash, child_hash, child_id, understood from ledger_entry where seq between ? and ? order by seq");
                 PreparedStatement childBefore = c.prepareStatement(
                         "select child_hash from ledger_entry where child_id = ? and seq < ? order by seq desc limit 1")) {
                String previous = hashBefore(c, from);
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.setFetchSize(BATCH);
                BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
                AtomicBoolean stop = new AtomicBoolean();
                Thread reader = new Thread(() -> read(ps, childBefore, from, queue, stop), "ledger-verifier-reader");
                reader.setDaemon(true);
                reader.start();
                try {
                    return check(queue, fromSeq, toSeq, previous);
                } finally {
                    stop.set(true);
                    joinQuietly(reader); // the reader must be off the connection before it is closed
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static Verification check(BlockingQueue<Batch> queue, Long fromSeq, Long toSeq, String previous) {
        Map<UUID, String> childPrevious = new HashMap<>();
        long checked = 0;
        Long first = null;
        Long last = null;
        while (true) {
            Batch batch = take(queue);
            if (batch.failure() != null) {
                throw batch.failure();
            }
            for (Row row : batch.rows()) {
                first = first == null ? row.seq() : first;
                byte[] canonical = row.facts().canonicalBytes();
                String expected = HashChain.next(previous, canonical);
                checked++;
                if (!expected.equals(row.entryHash())) {
                    return broken(checked, fromSeq, toSeq, previous, new Break(row.seq(), row.facts().eventId(), "ledger",
                            "the entry's hash does not follow from its content and the previous entry's hash: "
                                    + "this entry was changed, or an entry before it was removed, inserted or moved",
                            row.entryHash(), expected));
                }
                String misfiled = misfiled(row.child(), row.facts(), row.understood());
                if (misfiled != null) {
                    return broken(checked, fromSeq, toSeq, previous,
                            new Break(row.seq(), row.facts().eventId(), "child", misfiled, null, null));
                }
                if (row.child() != null) {
                    String childPrev = childPrevious.get(row.child());
                    if (childPrev == null) {
                        childPrev = row.childHashBefore();
                    }
                    String childExpected = HashChain.next(childPrev, canonical);
                    if (!childExpected.equals(row.childHash())) {
                        return broken(checked, fromSeq, toSeq, previous, new Break(row.seq(), row.facts().eventId(), "child",
                                "the child's chain does not follow: an entry about child " + row.child()
                                        + " before this one was changed, removed, inserted or moved",
                                row.childHash(), childExpected));
                    }
                    childPrevious.put(row.child(), childExpected);
                }
                previous = row.entryHash();
                last = row.seq();
            }
            if (batch.last()) {
                return new Verification(checked, first, last, previous, true, null);
            }
        }
    }

    /** Reads the range into batches until it ends or the checker stops; a failure is handed over as a batch. */
    private static void read(PreparedStatement ps, PreparedStatement childBefore, long from, BlockingQueue<Batch> queue,
                             AtomicBoolean stop) {
        Set<UUID> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>(BATCH);
        try (ResultSet rs = ps.executeQuery()) {
            while (!stop.get() && rs.next()) {
                long seq = rs.getLong(1);
                LedgerFacts facts = LedgerFacts.read(rs, 2);
                UUID child = rs.getObject(16, UUID.class);
                String before = null;
                if (child != null && seen.add(child)) {
                    before = from == 0 ? HashChain.GENESIS : childHashBefore(childBefore, child, seq);
                }
                rows.add(new Row(seq, facts, rs.getString(14), rs.getString(15), child, rs.getBoolean(17), before));
                if (rows.size() == BATCH) {
                    if (!hand(queue, new Batch(rows, false, null), stop)) {
                        return;
                    }
                    rows = new ArrayList<>(BATCH);
                }
            }
            hand(queue, new Batch(rows, true, null), stop);
        } catch (SQLException e) {
            hand(queue, new Batch(List.of(), true,
                    new IllegalStateException("could not read the ledger (SQLState " + e.getSQLState() + ")", e)), stop);
        } catch (RuntimeException e) {
            hand(queue, new Batch(List.of(), true, e), stop);
        }
    }

    private static boolean hand(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        }
    }

    private static void joinQuietly(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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

    private static String childHashBefore(PreparedStatement ps, UUID child, long seq) throws SQLException {
        ps.setObject(1, child);
        ps.setLong(2, seq);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : HashChain.GENESIS;
        }
    }

}
