package org.joinedup.referral.care;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.care.CareVocabulary;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.Paths;
import org.joinedup.referral.care.domain.CareActor;
import org.joinedup.referral.care.domain.ChildInNeedCommand;

import java.time.Instant;
import java.util.UUID;

/** Child in need plans (s17, docs/pathway.md): made, reviewed and ended by the child's local authority. */
@Path("/child-in-need-plans")
@Tag(name = "Child in need plans")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ChildInNeedPlanResource {
    private static final String KIND = CareEpisodeView.CHILD_IN_NEED_PLAN;
    private final CareCommands commands;
    private final CareViews views;
    private final CareReads reads;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    public ChildInNeedPlanResource(CareCommands commands, CareViews views, CareReads reads, Caller caller,
                                   IdempotencyKeys idempotency) {
        this.commands = commands;
        this.views = views;
        this.reads = reads;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Children's social care starts a child in need plan (s17)",
            description = "childId (a child the agency is involved with, else 422 known-child); referralId (optional: the "
                    + "referral whose assessment led to it); leadSocialWorker (at most 200 characters); summary (what the plan "
                    + "is for, at most 4000); startedAt (RFC 3339, not in the future). The first review falls due three "
                    + "months on (configurable). 403 statutory-duty for an agency other than children's social care. 201 "
                    + "with Location and ETag; Idempotency-Key honoured.")
    public Response start(CareRequests.StartPlan body, @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON child in need plan is required");
        }
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", body.childId(), true);
        UUID referral = errors.uuid("referralId", body.referralId(), false);
        String lead = errors.text("leadSocialWorker", body.leadSocialWorker(), CareRequests.MAX_NAME);
        String summary = errors.text("summary", body.summary(), CareRequests.MAX_TEXT);
        Instant startedAt = errors.dateTime("startedAt", body.startedAt());
        errors.throwIfAny();
        String agency = caller.requireAgency();
        reads.knownChild(child, KIND);
        UUID id = UUID.randomUUID();
        CareActor actor = commands.actor(agency, caller.subject());
        return idempotency.once(key, agency + " POST /child-in-need-plans", body, () -> {
            CareEpisodeView v = commands.startPlan(id, caller.eventMetadata(correlation),
                    now -> new ChildInNeedCommand.Start(id, child, referral, lead, summary, startedAt, actor, now));
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("child-in-need-plans").path(id.toString())
                    .build().toString(), IfMatch.etag(v.version()).toString(), v);
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A child's child in need plans, newest first, as the reader may see them",
            description = "childId is required. In full for the local authority, the child's front door and a lead under "
                    + "break-glass; a headline for another agency involved with the child; 404 for a child the caller has no "
                    + "relationship with.")
    public CareReads.Episodes list(@QueryParam("childId") String childId) {
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", childId, true);
        errors.throwIfAny();
        return reads.list(views, KIND, child);
    }

    @GET
    @Path("{planId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One child in need plan, with its ETag when in full")
    public Response get(@PathParam("planId") String planId) {
        Object shown = reads.get(views, KIND, Paths.id(planId, "child in need plan"));
        return shown instanceof CareEpisodeView full ? Response.ok(full).tag(IfMatch.etag(full.version())).build()
                : Response.ok(shown).build();
    }

    @POST
    @Path("{planId}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "A review of the plan (the next falls due three months on)",
            description = "heldAt (not in the future, not before the start or the last review); summary. 409 plan-ended.")
    public Response review(@PathParam("planId") String planId, CareRequests.Review body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(planId, "child in need plan");
        FieldErrors errors = new FieldErrors();
        CareRequests.Review b = body == null ? new CareRequests.Review(null, null) : body;
        Instant heldAt = errors.dateTime("heldAt", b.heldAt());
        String summary = errors.text("summary", b.summary(), CareRequests.MAX_TEXT);
        errors.throwIfAny();
        CareActor actor = commands.actor(caller.requireAgency(), caller.subject());
        return answer(commands.changePlan(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new ChildInNeedCommand.Review(heldAt, summary, actor, now)));
    }

    @POST
    @Path("{planId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The plan ends",
            description = "reason: needs-met, stepped-down, stepped-up, moved-area, turned-eighteen or other; note (optional, "
                    + "at most 4000 characters). 409 plan-ended.")
    public Response end(@PathParam("planId") String planId, CareRequests.EndPlan body,
                        @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(planId, "child in need plan");
        FieldErrors errors = new FieldErrors();
        CareRequests.EndPlan b = body == null ? new CareRequests.EndPlan(null, null) : body;
        CareVocabulary.ChildInNeedPlanEnd reason = errors.oneOf("reason", b.reason(), CareVocabulary.ChildInNeedPlanEnd.class);
        String note = errors.optionalText("note", b.note(), CareRequests.MAX_TEXT);
        errors.throwIfAny();
        CareActor actor = commands.actor(caller.requireAgency(), caller.subject());
        return answer(commands.changePlan(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new ChildInNeedCommand.End(reason, note, actor, now)));
    }

    private static Response answer(CareEpisodeView v) {
        return Response.ok(v).tag(IfMatch.etag(v.version())).build();
    }
}
