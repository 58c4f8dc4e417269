package org.joinedup.concern.concern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import org.joinedup.concern.view.AgencyConcernViews;
import org.joinedup.concern.view.ConcernSight;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.Sight;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.platform.store.StoredEvent;
import org.joinedup.concern.concern.domain.ConcernCommand;
import org.joinedup.concern.concern.domain.ConcernState;
import org.joinedup.concern.concern.domain.RaiseConcern;

import java.time.Clock;
import java.util.UUID;

@Path("/concerns")
@Tag(name = "Concerns")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ConcernResource {
    private final ConcernCommands commands;
    private final Caller caller;
    private final Clock clock;
    private final IdempotencyKeys idempotency;

    @jakarta.inject.Inject
    ChildReads reads;

    @jakarta.inject.Inject
    AgencyConcernViews views;

    @jakarta.inject.Inject
    org.joinedup.platform.access.AccessLog access;

    public ConcernResource(ConcernCommands commands, Caller caller, Clock clock, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.commands = commands;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Raise a safeguarding concern about a child, for the caller's agency",
            description = "The agency comes from the token's agency_id claim. 201 means the concern is durably "
                    + "recorded; it is published to concerns.events by the outbox relay. With an Idempotency-Key, "
                    + "a retry of the same request answers the first answer again (Idempotent-Replayed: true) and "
                    + "stores nothing; the same key with a different request is 422.")
    @Transactional
    public Response raise(RaiseConcernRequest body, @HeaderParam(Correlation.HEADER) String correlationHeader,
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON concern is required");
        }
        String agency = caller.requireAgency();
        RaiseConcern command = body.toCommand(UUID.randomUUID(), agency, caller.subject(), clock.instant());
        return idempotency.once(idempotencyKey, agency + " POST /concerns", body, () -> {
            StoredEvent stored = commands.raise(command, caller.eventMetadata(correlationHeader));
            return new IdempotencyKeys.Answer(201,
                    uri.getBaseUriBuilder().path("concerns").path(command.concernId().toString()).build().toString(),
                    IfMatch.etag(stored.streamVersion()).toString(),
                    new ConcernRaisedResponse(command.concernId(), UUID.fromString(stored.envelope().subject()),
                            stored.envelope().id(), stored.recordedAt(), stored.streamVersion()));
        });
    }

    /** A page of the caller's (or their agency's) concerns, each as the raising agency reads it. */
    public record OwnConcerns(long total, int offset, int limit, java.util.List<com.fasterxml.jackson.databind.JsonNode> concerns) {
    }

    @GET
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The concerns the caller raised, or their agency raised, newest first",
            description = "raisedBy: me (default: the calling practitioner's own) or agency (every concern the caller's "
                    + "agency raised). Each as the raising agency reads it (as now amended, with its status: raised, "
                    + "amended or withdrawn). childId narrows it to one child record. offset (0 or more) and limit (1 to "
                    + "200, default 50) page it. Each child listed is recorded as read (own-concerns).")
    public OwnConcerns own(@jakarta.ws.rs.QueryParam("raisedBy") @jakarta.ws.rs.DefaultValue("me") String raisedBy,
                           @jakarta.ws.rs.QueryParam("childId") String childId,
                           @jakarta.ws.rs.QueryParam("offset") @jakarta.ws.rs.DefaultValue("0") String offset,
                           @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("50") String limit) {
        org.joinedup.platform.http.FieldErrors errors = new org.joinedup.platform.http.FieldErrors();
        if (!java.util.List.of("me", "agency").contains(raisedBy)) {
            errors.add("raisedBy", "one-of", "must be one of me, agency");
        }
        UUID child = errors.uuid("childId", childId, false);
        int from = errors.integer("offset", offset, 0, Integer.MAX_VALUE);
        int size = errors.integer("limit", limit, 1, 200);
        errors.throwIfAny();
        String agency = caller.requireAgency();
        AgencyConcernViews.Own own = views.own(agency, "me".equals(raisedBy) ? caller.subject() : null, child, from, size);
        access.read("own-concerns", own.concerns().stream().map(c -> UUID.fromString(c.path("childId").asText()))
                .distinct().toList(), org.joinedup.events.access.AccessBasis.OWN_AGENCY);
        return new OwnConcerns(own.total(), from, size, own.concerns());
    }

    @GET
    @Path("{concernId}")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Read a concern, as far as the caller's agency needs to know",
            description = "The raising agency reads it as now amended, with its history and ETag; an agency it was shared "
                    + "with reads it exactly as sent; the child's front door, an agency it was referred to, and a lead "
                    + "under break-glass read it as it now is; another agency with a relationship with the child reads its "
                    + "headline (visibility: headline). Any other caller gets 404, exactly like a concern that does not "
                    + "exist, so its existence is not disclosed; the refusal is recorded.")
    public Response get(@PathParam("concernId") String concernId) {
        String agency = caller.requireAgency();
        UUID id = parse(concernId);
        java.util.function.Supplier<ProblemException> notFound =
                () -> ProblemException.notFound("no concern " + concernId + " is visible to agency " + agency);
        AgencyConcernViews.ConcernRow row = views.one(id, agency).orElseThrow(notFound);
        ChildSight sight = reads.require(row.childId(), "concern", notFound);
        if (agency.equals(row.owner())) {
            if (commands.read(id).state() instanceof ConcernState.Raised raised) {
                reads.read("concern", sight);
                return Response.ok(ConcernView.of(raised)).tag(IfMatch.etag(raised.version())).build();
            }
        }
        com.fasterxml.jackson.databind.JsonNode full = ConcernSight.full(row, sight);
        reads.read("concern", sight);
        if (full != null) {
            return Response.ok(full).build();
        }
        return Response.ok(new ConcernHeadline(Sight.HEADLINE.wireName(), ConcernSight.headline(row, reads))).build();
    }

    /** A concern the caller's agency may know of but not read. */
    public record ConcernHeadline(String visibility, org.joinedup.needtoknow.Headline headline) {
    }

    @POST
    @Path("{concernId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Amend a concern of the caller's agency, with a reason; fields left out are unchanged",
            description = "A new fact (concern-amended): the original stays in the concern's history and the chronology. "
                    + "Send If-Match with the ETag you read (412 when stale). 409 when withdrawn.")
    @Transactional
    public Response amend(@PathParam("concernId") String concernId, AmendConcernRequest body,
                          @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = parse(concernId);
        String agency = caller.requireAgency();
        FieldErrors errors = new FieldErrors();
        String reason = reason(errors, body == null ? null : body.reason());
        var changes = body == null ? null : body.toChanges(errors, clock.instant());
        if (body == null) {
            errors.add("body", "required", "a JSON amendment is required");
        }
        errors.throwIfAny();
        return changed(key, agency + " POST /concerns/" + id + "/amendments", body, concernId, () ->
                commands.change(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation), now ->
                        new ConcernCommand.Amend(id, agency, caller.subject(), reason, changes, now)));
    }

    @POST
    @Path("{concernId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "Withdraw a concern of the caller's agency, with a reason; it stays in history",
            description = "Send If-Match with the ETag you read (412 when stale). 409 when already withdrawn.")
    @Transactional
    public Response withdraw(@PathParam("concernId") String concernId, WithdrawConcernRequest body,
                             @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation,
                             @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = parse(concernId);
        String agency = caller.requireAgency();
        FieldErrors errors = new FieldErrors();
        String reason = reason(errors, body == null ? null : body.reason());
        errors.throwIfAny();
        return changed(key, agency + " POST /concerns/" + id + "/withdrawal", body, concernId, () ->
                commands.change(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation), now ->
                        new ConcernCommand.Withdraw(id, agency, caller.subject(), reason, now)));
    }

    /** A change, once per Idempotency-Key: answers the concern as it now is, with its ETag. */
    private Response changed(String key, String scope, Object body, String concernId, Runnable change) {
        return idempotency.once(key, scope, body, () -> {
            change.run();
            Response now = get(concernId);
            return new IdempotencyKeys.Answer(200, null, now.getEntityTag().toString(), now.getEntity());
        });
    }

    private static String reason(FieldErrors errors, String reason) {
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "required", "is required: why the record changes");
            return null;
        }
        if (reason.length() > ConcernFields.MAX_REASON) {
            errors.add("reason", "max-length", "must be at most " + ConcernFields.MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no concern " + id);
        }
    }
}
