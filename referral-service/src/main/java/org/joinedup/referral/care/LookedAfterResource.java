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
import org.joinedup.referral.care.domain.LookedAfterCommand;

import java.time.Instant;
import java.util.UUID;

/**
 * A child looked after by the local authority (docs/pathway.md): accommodated under section 20, or under an
 * interim or full care order, or an emergency protection order (eight days); started, its legal status
 * changed, ended, by the local authority's children's social care.
 */
@Path("/looked-after")
@Tag(name = "Looked after")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class LookedAfterResource {
    private static final String KIND = CareEpisodeView.LOOKED_AFTER;
    private final CareCommands commands;
    private final CareViews views;
    private final CareReads reads;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    public LookedAfterResource(CareCommands commands, CareViews views, CareReads reads, Caller caller,
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
    @Operation(summary = "Children's social care records that a child became looked after, and under which legal status",
            description = "childId (a child the agency is involved with, else 422 known-child); legalStatus: section-20, "
                    + "interim-care-order, care-order or emergency-protection-order (which runs out eight days on); startedAt "
                    + "(RFC 3339, not in the future). 403 statutory-duty for an agency other than children's social care. 201 "
                    + "with Location and ETag; Idempotency-Key honoured.")
    public Response start(CareRequests.StartLookedAfter body, @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON looked-after episode is required");
        }
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", body.childId(), true);
        CareVocabulary.LegalStatus status = errors.oneOf("legalStatus", body.legalStatus(), CareVocabulary.LegalStatus.class);
        Instant startedAt = errors.dateTime("startedAt", body.startedAt());
        errors.throwIfAny();
        String agency = caller.requireAgency();
        reads.knownChild(child, KIND);
        UUID id = UUID.randomUUID();
        CareActor actor = commands.actor(agency, caller.subject());
        return idempotency.once(key, agency + " POST /looked-after", body, () -> {
            CareEpisodeView v = commands.startLookedAfter(id, caller.eventMetadata(correlation),
                    now -> new LookedAfterCommand.Start(id, child, status, startedAt, actor, now));
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("looked-after").path(id.toString())
                    .build().toString(), IfMatch.etag(v.version()).toString(), v);
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A child's looked-after episodes, newest first, as the reader may see them",
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
    @Path("{episodeId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One looked-after episode, with its ETag when in full")
    public Response get(@PathParam("episodeId") String episodeId) {
        Object shown = reads.get(views, KIND, Paths.id(episodeId, "looked-after episode"));
        return shown instanceof CareEpisodeView full ? Response.ok(full).tag(IfMatch.etag(full.version())).build()
                : Response.ok(shown).build();
    }

    @POST
    @Path("{episodeId}/legal-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The child is looked after under another legal status from changedAt",
            description = "legalStatus: section-20, interim-care-order, care-order or emergency-protection-order (again: an "
                    + "extension, eight more days); changedAt (not in the future, not before the current status). 409 "
                    + "same-legal-status, episode-ended.")
    public Response changeLegalStatus(@PathParam("episodeId") String episodeId, CareRequests.LegalStatus body,
                                      @HeaderParam(IfMatch.HEADER) String ifMatch,
                                      @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "looked-after episode");
        FieldErrors errors = new FieldErrors();
        CareRequests.LegalStatus b = body == null ? new CareRequests.LegalStatus(null, null) : body;
        CareVocabulary.LegalStatus status = errors.oneOf("legalStatus", b.legalStatus(), CareVocabulary.LegalStatus.class);
        Instant changedAt = errors.dateTime("changedAt", b.changedAt());
        errors.throwIfAny();
        CareActor actor = commands.actor(caller.requireAgency(), caller.subject());
        return answer(commands.changeLookedAfter(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new LookedAfterCommand.ChangeLegalStatus(status, changedAt, actor, now)));
    }

    @POST
    @Path("{episodeId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The child stopped being looked after",
            description = "reason: returned-home, special-guardianship-order, child-arrangements-order, adopted, moved-area, "
                    + "turned-eighteen or other; note (optional); endedAt (not in the future, not before the current status). "
                    + "409 episode-ended.")
    public Response end(@PathParam("episodeId") String episodeId, CareRequests.EndLookedAfter body,
                        @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "looked-after episode");
        FieldErrors errors = new FieldErrors();
        CareRequests.EndLookedAfter b = body == null ? new CareRequests.EndLookedAfter(null, null, null) : body;
        CareVocabulary.LookedAfterEnd reason = errors.oneOf("reason", b.reason(), CareVocabulary.LookedAfterEnd.class);
        String note = errors.optionalText("note", b.note(), CareRequests.MAX_TEXT);
        Instant endedAt = errors.dateTime("endedAt", b.endedAt());
        errors.throwIfAny();
        CareActor actor = commands.actor(caller.requireAgency(), caller.subject());
        return answer(commands.changeLookedAfter(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new LookedAfterCommand.End(reason, note, endedAt, actor, now)));
    }

    private static Response answer(CareEpisodeView v) {
        return Response.ok(v).tag(IfMatch.etag(v.version())).build();
    }
}
