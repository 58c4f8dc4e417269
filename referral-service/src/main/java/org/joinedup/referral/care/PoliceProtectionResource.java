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
import org.joinedup.referral.care.domain.PoliceProtectionCommand;
import org.joinedup.referral.frontdoor.FrontDoors;
import org.joinedup.directory.view.Postcodes;

import java.time.Instant;
import java.util.UUID;

/**
 * Police protection (Children Act 1989 s46, docs/pathway.md): a police force records that an officer took a
 * child into police protection, for at most 72 hours, and when it ended; the child's front door is told at once.
 */
@Path("/police-protection")
@Tag(name = "Police protection")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PoliceProtectionResource {
    private static final String KIND = CareEpisodeView.POLICE_PROTECTION;
    private final CareCommands commands;
    private final CareViews views;
    private final CareReads reads;
    private final FrontDoors frontDoors;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    public PoliceProtectionResource(CareCommands commands, CareViews views, CareReads reads, FrontDoors frontDoors,
                                    Caller caller, IdempotencyKeys idempotency) {
        this.commands = commands;
        this.views = views;
        this.reads = reads;
        this.frontDoors = frontDoors;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "A police force records that a child was taken into police protection (s46, at most 72 hours)",
            description = "childId (a child the force is involved with, else 422 known-child); takenAt (RFC 3339, not in the "
                    + "future); reason (why the officer believed the child would otherwise suffer significant harm, at most "
                    + "4000 characters); designatedOfficer (who inquires into the case, at most 200); postcode (optional: "
                    + "where the child is, which settles the front door told). The 72 hours are swept: an end not recorded "
                    + "by then is recorded overdue. 403 statutory-duty for an agency other than a police force. 201 with "
                    + "Location and ETag; Idempotency-Key honoured.")
    public Response start(CareRequests.StartPoliceProtection body, @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON police protection is required");
        }
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", body.childId(), true);
        Instant takenAt = errors.dateTime("takenAt", body.takenAt());
        String reason = errors.text("reason", body.reason(), CareRequests.MAX_TEXT);
        String officer = errors.text("designatedOfficer", body.designatedOfficer(), CareRequests.MAX_NAME);
        String postcode = errors.optionalText("postcode", body.postcode(), 10);
        if (postcode != null && Postcodes.place(postcode).isEmpty()) {
            errors.add("postcode", "postcode", "must be a UK postcode, e.g. N17 6AB");
        }
        errors.throwIfAny();
        String agency = caller.requireAgency();
        reads.knownChild(child, KIND);
        String localAuthority = frontDoors.of(child, postcode, agency).stream().findFirst().orElse(null);
        UUID id = UUID.randomUUID();
        CareActor actor = commands.actor(agency, caller.subject());
        return idempotency.once(key, agency + " POST /police-protection", body, () -> {
            CareEpisodeView v = commands.startPoliceProtection(id, caller.eventMetadata(correlation),
                    now -> new PoliceProtectionCommand.Start(id, child, localAuthority, takenAt, reason, officer, actor, now));
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("police-protection").path(id.toString())
                    .build().toString(), IfMatch.etag(v.version()).toString(), v);
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A child's police protections, newest first, as the reader may see them",
            description = "childId is required. In full for the force and the local authority told, the child's front door "
                    + "and a lead under break-glass; a headline for another agency involved with the child; 404 for a child "
                    + "the caller has no relationship with.")
    public CareReads.Episodes list(@QueryParam("childId") String childId) {
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", childId, true);
        errors.throwIfAny();
        return reads.list(views, KIND, child);
    }

    @GET
    @Path("{protectionId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One police protection, with its ETag when in full")
    public Response get(@PathParam("protectionId") String protectionId) {
        Object shown = reads.get(views, KIND, Paths.id(protectionId, "police protection"));
        return shown instanceof CareEpisodeView full ? Response.ok(full).tag(IfMatch.etag(full.version())).build()
                : Response.ok(shown).build();
    }

    @POST
    @Path("{protectionId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The police protection ended",
            description = "outcome: returned-home, accommodated-by-local-authority, emergency-protection-order or other; note "
                    + "(optional); endedAt (not in the future, not before takenAt). Only the force that took the child (404 "
                    + "otherwise). 409 protection-ended.")
    public Response end(@PathParam("protectionId") String protectionId, CareRequests.EndPoliceProtection body,
                        @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(protectionId, "police protection");
        FieldErrors errors = new FieldErrors();
        CareRequests.EndPoliceProtection b = body == null ? new CareRequests.EndPoliceProtection(null, null, null) : body;
        CareVocabulary.PoliceProtectionOutcome outcome = errors.oneOf("outcome", b.outcome(),
                CareVocabulary.PoliceProtectionOutcome.class);
        String note = errors.optionalText("note", b.note(), CareRequests.MAX_TEXT);
        Instant endedAt = errors.dateTime("endedAt", b.endedAt());
        errors.throwIfAny();
        CareActor actor = commands.actor(caller.requireAgency(), caller.subject());
        CareEpisodeView v = commands.changePoliceProtection(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new PoliceProtectionCommand.End(outcome, note, endedAt, actor, now));
        return Response.ok(v).tag(IfMatch.etag(v.version())).build();
    }
}
