package org.joinedup.concern.child;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.joinedup.concern.child.domain.ChildLinkCommand;
import org.joinedup.concern.child.domain.ChildLinkDecider;
import org.joinedup.concern.child.domain.ChildLinkState;
import org.joinedup.events.concern.ChildLinkEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.OneFact;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ChildMatchDismissed;
import org.joinedup.events.concern.ChildRecordsLinked;
import org.joinedup.events.concern.ChildRecordsUnlinked;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.EventMetadata;

import javax.sql.DataSource;
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

/**
 * The review queue of likely child matches and the decisions safeguarding leads take on it: link two
 * records (child-records-linked), undo a link (child-records-unlinked), or dismiss a candidate as two
 * different children (child-match-dismissed). Each decision is an event with who and why.
 */
@ApplicationScoped
public class ChildReview {
    private static final Logger LOG = Logger.getLogger(ChildReview.class);
    public static final String OPEN = "open";
    public static final List<String> STATUSES = List.of(OPEN, "linked", "dismissed");
    /** A pair dismissed as two different children: one fact on its own stream ({@code child-match-<candidateId>}). */
    static final StreamKind<OneFact.Record<ChildMatchDismissed>, Optional<ChildMatchDismissed>, ChildMatchDismissed>
            DISMISSALS = StreamKind.of("child-match-", ChildMatchDismissed.class, new OneFact<>("candidate-decided"));
    private final DataSource dataSource;
    private final CommandHandler handler;
    private final ChildIndex index;
    private final ChildLinks links;
    private final StreamKind<ChildLinkCommand, ChildLinkState, ChildLinkEvent> linkStreams;

    public ChildReview(DataSource dataSource, CommandHandler handler, ChildIndex index, ChildLinks links) {
        this.dataSource = dataSource;
        this.handler = handler;
        this.index = index;
        this.links = links;
        // The groups of linked records change with the link, before anything else reads them.
        this.linkStreams = StreamKind.of("child-link-", ChildLinkEvent.class, new ChildLinkDecider())
                .keeping((state, appended) -> appended.forEach(e -> {
                    switch (e.payload()) {
                        case ChildRecordsLinked l -> links.linked(l);
                        case ChildRecordsUnlinked u -> links.unlinked(u);
                        default -> throw new IllegalStateException("not a link event");
                    }
                }));
    }

    /** A child record as a lead reviews it: every identification it was recorded with. */
    public record ChildRecord(UUID childId, List<ChildIdentification> identifications) {
    }

    /**
     * A pair in the review queue.
     *
     * @param reason  why it is in the queue: {@code nhs-number-conflict}, {@code conflicting-keys},
     *                {@code same-names-and-birth} (from {@link AutomaticJoin}) or {@code likely-match}
     * @param reasons the evidence that they are one child
     * @param against the evidence that they are not
     */
    public record Candidate(UUID candidateId, String reason, double score, List<String> reasons, List<String> against,
                            String status, Instant foundAt,
                            ChildRecord child, ChildRecord otherChild, String decidedBy, Instant decidedAt,
                            String decisionReason) {
    }

    /**
     * What a lead asks of the queue: one status, and optionally one reason, pairs involving one child
     * record, pairs where either record was recorded by one agency, a lowest score.
     */
    public record Filter(String status, String reason, UUID childId, String agencyId, java.math.BigDecimal minScore) {
    }

    /** Where a page of the queue ends: the last candidate shown, in the queue's order. */
    public record Cursor(java.math.BigDecimal score, Instant foundAt, UUID candidateId) {
        /** The cursor as an opaque token for a URL. */
        public String token() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (score.toPlainString() + "|" + foundAt + "|" + candidateId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The cursor a token stands for; empty when it is not one this service made. */
        public static Optional<Cursor> of(String token) {
            try {
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\\|", -1);
                if (parts.length != 3) {
                    return Optional.empty();
                }
                return Optional.of(new Cursor(new java.math.BigDecimal(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2])));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        public static Cursor after(Candidate c) {
            return new Cursor(java.math.BigDecimal.valueOf(c.score()).setScale(3, java.math.RoundingMode.HALF_UP), c.foundAt(), c.candidateId());
        }
    }

    /**
     * The queue, strongest evidence first, then oldest: the rows after {@code after} (keyset paging, so a
     * page costs the same deep in a large queue), skipping {@code offset} of them.
     */
    public List<Candidate> queue(Filter f, Cursor after, int offset, int limit) {
        StringBuilder where = new StringBuilder("where c.status = ?");
        List<Object> args = new ArrayList<>(List.of(f.status()));
        if (f.reason() != null) {
            where.append(" and c.reason = ?");
            args.add(f.reason());
        }
        if (f.childId() != null) {
            where.append(" and (c.child_id = ? or c.other_child_id = ?)");
            args.add(f.childId());
            args.add(f.childId());
        }
        if (f.agencyId() != null) {
            where.append(" and exists (select 1 from child_identity i where i.agency_id = ? and i.child_id in (c.child_id, c.other_child_id))");
            args.add(f.agencyId());
        }
        if (f.minScore() != null) {
            where.append(" and c.score >= ?");
            args.add(f.minScore());
        }
        if (after != null) {
            where.append(" and (c.score < ? or c.score = ? and (c.found_at, c.candidate_id) > (?, ?))");
            args.add(after.score());
            args.add(after.score());
            args.add(after.foundAt().atOffset(java.time.ZoneOffset.UTC));
            args.add(after.candidateId());
        }
        where.append(" order by c.score desc, c.found_at, c.candidate_id offset ? limit ?");
        args.add(offset);
        args.add(limit);
        return candidates(where.toString(), args.toArray());
    }

    public Optional<Candidate> candidate(UUID candidateId) {
        List<Candidate> found = candidates("where c.candidate_id = ?", candidateId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Transactional
    public ChildRecordsLinked link(UUID childId, UUID linkedChildId, UUID candidateId, String reason,
                                   EventMetadata metadata) {
        if (!index.exists(childId)) {
            throw ProblemException.unprocessable("childId", "unknown-child", "no child record " + childId);
        }
        if (!childId.equals(linkedChildId) && !index.exists(linkedChildId)) {
            throw ProblemException.unprocessable("linkedChildId", "unknown-child", "no child record " + linkedChildId);
        }
        if (candidateId != null) {
            Candidate candidate = lockOpen(candidateId, "candidateId");
            boolean samePair = (candidate.child().childId().equals(childId) && candidate.otherChild().childId().equals(linkedChildId))
                    || (candidate.child().childId().equals(linkedChildId) && candidate.otherChild().childId().equals(childId));
            if (!samePair) {
                throw ProblemException.unprocessable("candidateId", "candidate-pair",
                        "candidate " + candidateId + " is about another pair of child records");
            }
        }
        UUID linkId = UUID.randomUUID();
        boolean alreadyOneChild = links.groupOf(childId).contains(linkedChildId);
        var handled = handler.start(linkStreams, linkId, metadata, now -> new ChildLinkCommand.Link(linkId, childId,
                linkedChildId, candidateId, reason, metadata.actorId(), alreadyOneChild, now));
        ChildRecordsLinked linked = (ChildRecordsLinked) handled.first().payload();
        decide(childId, linkedChildId, "linked", metadata.actorId(), linked.linkedAt(), reason);
        LOG.infof("child records %s and %s linked (link %s)", childId, linkedChildId, linkId);
        return linked;
    }

    @Transactional
    public ChildRecordsUnlinked unlink(UUID linkId, String reason, ExpectedVersion expected, EventMetadata metadata) {
        var handled = handler.handle(linkStreams, linkId, expected, metadata,
                now -> new ChildLinkCommand.Unlink(linkId, reason, metadata.actorId(), now));
        ChildRecordsUnlinked unlinked = (ChildRecordsUnlinked) handled.first().payload();
        LOG.infof("child records %s and %s unlinked (link %s)", unlinked.childId(), unlinked.linkedChildId(), linkId);
        return unlinked;
    }

    @Transactional
    public ChildMatchDismissed dismiss(UUID candidateId, String reason, EventMetadata metadata) {
        Candidate candidate = lockOpen(candidateId, null);
        Instant now = handler.now();
        ChildMatchDismissed dismissed = new ChildMatchDismissed(candidateId, candidate.child().childId(),
                candidate.otherChild().childId(), reason, metadata.actorId(), now);
        handler.start(DISMISSALS, candidateId, metadata, now, new OneFact.Record<>(dismissed));
        decide(candidate.child().childId(), candidate.otherChild().childId(), "dismissed", metadata.actorId(), now, reason);
        return dismissed;
    }

    /** The candidate, locked for a decision; 404 (or 422 when named in a body field) if unknown, 409 if decided. */
    private Candidate lockOpen(UUID candidateId, String field) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select status from child_match_candidate where candidate_id = ? for update")) {
            ps.setObject(1, candidateId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (field != null) {
                        throw ProblemException.unprocessable(field, "unknown-candidate", "no candidate " + candidateId);
                    }
                    throw ProblemException.notFound("no candidate " + candidateId);
                }
                if (!OPEN.equals(rs.getString(1))) {
                    throw ProblemException.conflict("candidate-decided",
                            "candidate " + candidateId + " was already " + rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("review queue unavailable (SQLState " + e.getSQLState() + ")", e);
        }
        return candidate(candidateId).orElseThrow();
    }

    private void decide(UUID a, UUID b, String status, String actor, Instant now, String reason) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update child_match_candidate set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                     where child_id = ? and other_child_id = ? and status = 'open'""")) {
            ps.setString(1, status);
            ps.setString(2, actor);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, reason);
            ps.setObject(5, ChildIndex.before(a, b) ? a : b);
            ps.setObject(6, ChildIndex.before(a, b) ? b : a);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("review queue unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private List<Candidate> candidates(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select c.candidate_id, c.score, c.reasons, c.status, c.found_at, c.child_id, c.other_child_id,
                            c.decided_by, c.decided_at, c.decision_reason, c.reason, c.against
                     from child_match_candidate c""" + " " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Candidate> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID a = rs.getObject(6, UUID.class);
                    UUID b = rs.getObject(7, UUID.class);
                    Timestamp decidedAt = rs.getTimestamp(9);
                    found.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(11), rs.getBigDecimal(2).doubleValue(),
                            Arrays.asList((String[]) rs.getArray(3).getArray()),
                            Arrays.asList((String[]) rs.getArray(12).getArray()), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), new ChildRecord(a, index.identifications(a)),
                            new ChildRecord(b, index.identifications(b)), rs.getString(8),
                            decidedAt == null ? null : decidedAt.toInstant(), rs.getString(10)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("review queue unavailable (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
