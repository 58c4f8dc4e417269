package org.joinedup.audit.inspection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.joinedup.audit.chronology.Chronology;
import org.joinedup.audit.chronology.ChronologyFilter;
import org.joinedup.audit.chronology.ChronologyQueries;
import org.joinedup.audit.chronology.ChronologyResource;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.platform.http.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.audit.chain.LedgerVerifier;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Roles;

/** What inspectors use: replay as of a moment, the access log, verification, streaming and export. */
@Path("/inspection")
@Tag(name = "Inspection")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSPECTOR)
public class InspectionResource {
    public static final String NDJSON = "application/x-ndjson";
    private final LedgerVerifier verifier;
    private final ChronologyQueries chronology;
    private final AccessLogQueries accessLog;
    private final LedgerStream stream;
    private final AccessLog access;
    private final Clock clock;

    public InspectionResource(LedgerVerifier verifier, ChronologyQueries chronology, AccessLogQueries accessLog,
                              LedgerStream stream, AccessLog access, Clock clock) {
        this.verifier = verifier;
        this.chronology = chronology;
        this.accessLog = accessLog;
        this.stream = stream;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Path("children/{childId}/chronology")
    @Operation(summary = "Replay a child's chronology as it stood at a moment (asOf, default now)",
            description = "Only what the agencies had recorded at or before asOf (each producing service's "
                    + "recordedAt), links between child records included: what was known on the day. Each entry "
                    + "carries its hashes. The same filters as the chronology.")
    public Chronology replay(@PathParam("childId") String childId, @QueryParam("asOf") String asOf,
                             @QueryParam("agencyId") String agencyId, @QueryParam("category") String category,
                             @QueryParam("type") String type, @QueryParam("from") String fromTime,
                             @QueryParam("to") String toTime, @QueryParam("indicator") String indicator,
                             @QueryParam("kind") String kind, @QueryParam("order") String order,
                             @QueryParam("significance") String significance,
                             @QueryParam("offset") @DefaultValue("0") String offset,
                             @QueryParam("limit") @DefaultValue("100") String limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = uuid(errors, "childId", childId);
        Instant at = asOf(errors, asOf);
        ChronologyFilter filter = ChronologyFilter.parse(errors, agencyId, category, type, fromTime, toTime, indicator, kind,
                order, significance).asOf(at);
        int from = errors.integer("offset", offset, 0, Integer.MAX_VALUE);
        int size = errors.integer("limit", limit, 1, ChronologyResource.MAX_LIMIT);
        errors.throwIfAny();
        Chronology replayed = chronology.of(child, filter, from, size);
        if (replayed.total() > 0) {
            access.read("inspection-chronology", child, org.joinedup.events.access.AccessBasis.INSPECTOR);
        }
        return replayed;
    }

    /** The bases a read can be recorded with, and {@code refused} for refusals. */
    static final java.util.List<String> BASES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(org.joinedup.events.access.AccessBasis.values()).map(org.joinedup.events.access.AccessBasis::wireName),
            java.util.stream.Stream.of("refused")).toList();

    @GET
    @Path("access-log")
    @RolesAllowed({Roles.INSPECTOR, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Who read (or was refused) which child's record, when, what, why and on what basis; "
            + "by child and/or by user, as of a moment",
            description = "From the ledger's record-accessed and record-access-refused entries, newest first. asOf "
                    + "(default now) replays the log as it stood then: who had looked. An inspector sees every agency's "
                    + "reads; a safeguarding lead sees those of their own agency only (to oversee their own staff). "
                    + "agencyId (an inspector: one agency's reads) and basis (front-door, relationship, emergency-access, "
                    + "inspector, own-agency..., or refused) narrow it; offset and limit page it.")
    public AccessLogQueries.AccessLog accessLog(@QueryParam("childId") String childId, @QueryParam("userId") String userId,
                                                @QueryParam("agencyId") String agencyId, @QueryParam("basis") String basis,
                                                @QueryParam("asOf") String asOf,
                                                @QueryParam("offset") @DefaultValue("0") String offset,
                                                @QueryParam("limit") @DefaultValue("100") String limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = childId == null ? null : uuid(errors, "childId", childId);
        if (userId != null && (userId.isBlank() || userId.length() > 200)) {
            errors.add("userId", "length", "must be 1 to 200 characters");
        }
        if (agencyId != null && (agencyId.isBlank() || agencyId.length() > 100)) {
            errors.add("agencyId", "length", "must be 1 to 100 characters");
        }
        if (basis != null && !BASES.contains(basis)) {
            errors.add("basis", "one-of", "must be one of " + String.join(", ", BASES));
        }
        Instant at = asOf(errors, asOf);
        int from = errors.integer("offset", offset, 0, Integer.MAX_VALUE);
        int size = errors.integer("limit", limit, 1, ChronologyResource.MAX_LIMIT);
        errors.throwIfAny();
        String agency = caller.hasRole(Roles.INSPECTOR) ? agencyId : caller.requireAgency();
        return accessLog.find(child, userId, agency, basis, at, from, size);
    }

    @GET
    @Path("ledger")
    @Produces(NDJSON)
    @Operation(summary = "Stream ledger entries in ledger order as newline-delimited JSON, with canonical bytes and hashes",
            description = "fromSeq and toSeq bound the range (default: everything). Each line: seq, eventId, type, "
                    + "childId, previousHash, hash, canonical; check offline with tools/verify-export.py --chain ledger.")
    public Response ledger(@QueryParam("fromSeq") String fromSeq, @QueryParam("toSeq") String toSeq) {
        FieldErrors errors = new FieldErrors();
        Long from = sequence(errors, "fromSeq", fromSeq);
        Long to = sequence(errors, "toSeq", toSeq);
        if (from != null && to != null && from > to) {
            errors.add("toSeq", "not-before-from", "must not be before fromSeq");
        }
        errors.throwIfAny();
        long first = from == null ? 1 : from;
        long last = to == null ? Long.MAX_VALUE : to;
        StreamingOutput body = out -> stream.range(first, last, out);
        return Response.ok(body, NDJSON).build();
    }

    @GET
    @Path("children/{childId}/export")
    @Produces(NDJSON)
    @Operation(summary = "Export a child record's complete trail for an inspection, as a file an inspector can verify",
            description = "A header line, then every ledger entry about the child in ledger order with its canonical "
                    + "bytes and its hash in the child's chain. docs/audit-ledger.md describes the independent check.")
    public Response export(@PathParam("childId") String childId) {
        FieldErrors errors = new FieldErrors();
        UUID child = uuid(errors, "childId", childId);
        errors.throwIfAny();
        if (chronology.of(child, ChronologyFilter.NONE, 0, 1).total() == 0) {
            throw ProblemException.notFound("the ledger holds nothing about child " + childId);
        }
        access.read("inspection-export", child, org.joinedup.events.access.AccessBasis.INSPECTOR);
        Instant now = clock.instant();
        StreamingOutput body = out -> stream.child(child, now, out);
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"child-" + child + ".ndjson\"").build();
    }

    @jakarta.inject.Inject
    org.joinedup.audit.checkpoint.Checkpoints checkpoints;

    @GET
    @Path("checkpoints")
    @Operation(summary = "The signed checkpoints of the ledger's head, as published outside the database, each checked",
            description = "Each checkpoint (seq, headHash, signedAt, keyId, Ed25519 signature) is read from its Kafka "
                    + "topic and checked: the signature with the public key given here, and the ledger's hash at that "
                    + "seq. A whole chain rewritten in the database, every hash recomputed, still fails here.")
    public org.joinedup.audit.checkpoint.Checkpoints.Report checkpoints() {
        return checkpoints.check();
    }

    /** An entry the ledger stored without understanding its type or schema version. */
    public record UnknownEvent(long seq, UUID eventId, String type, int schemaVersion, String source, String topic,
                               Instant ledgerRecordedAt) {
    }

    @GET
    @Path("unknown-events")
    @Operation(summary = "Events stored without being understood (an unknown type or a newer schema version), oldest first",
            description = "They are facts all the same: kept, chained and verifiable, but in no chronology until this "
                    + "service knows their type.")
    public java.util.List<UnknownEvent> unknownEvents() {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("""
                     select seq, event_id, event_type, schema_version, source, topic, recorded_at from ledger_entry
                     where not understood order by seq limit 1000""");
             java.sql.ResultSet rs = ps.executeQuery()) {
            java.util.List<UnknownEvent> found = new java.util.ArrayList<>();
            while (rs.next()) {
                found.add(new UnknownEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the ledger (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @jakarta.inject.Inject
    org.joinedup.platform.security.Caller caller;

    private Instant asOf(FieldErrors errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant at = Instant.parse(value.trim());
            if (at.isAfter(clock.instant())) {
                errors.add("asOf", "not-in-future", "must not be in the future: the ledger cannot replay what has not happened");
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add("asOf", "instant", "must be an instant, e.g. 2026-11-20T22:00:00Z");
            return null;
        }
    }

    private static UUID uuid(FieldErrors errors, String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "uuid", "must be a child id (a UUID)");
            return null;
        }
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the ledger's hash chains, everything or a range of sequence numbers",
            description = "Recomputes every entry's hash from its content and the previous entry's hash (and each "
                    + "child's chain). Answers the entries checked, the head hash reached, and the first broken entry "
                    + "if any. A range starts from the hash stored on the entry before it.")
    public LedgerVerifier.Verification verify(@QueryParam("fromSeq") String fromSeq, @QueryParam("toSeq") String toSeq) {
        FieldErrors errors = new FieldErrors();
        Long from = sequence(errors, "fromSeq", fromSeq);
        Long to = sequence(errors, "toSeq", toSeq);
        if (from != null && to != null && from > to) {
            errors.add("toSeq", "not-before-from", "must not be before fromSeq");
        }
        errors.throwIfAny();
        return verifier.verify(from, to);
    }

    static Long sequence(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 1) {
                errors.add(field, "range", "must be a ledger sequence number (1 or more)");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field, "integer", "must be a whole number");
            return null;
        }
    }
}
