package org.joinedup.concern.picture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.concern.child.ReasonRequest;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.RecordRef;
import org.joinedup.needtoknow.Sight;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IdempotencyKeys;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** Bigger-picture flags in detail, for safeguarding leads: read, acknowledge, clear. */
@Path("/flags")
@Tag(name = "Bigger picture")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SAFEGUARDING_LEAD)
public class FlagResource {
    private final BiggerPicture picture;
    private final Caller caller;
    private final ChildReads reads;
    private final IdempotencyKeys idempotency;

    public FlagResource(BiggerPicture picture, Caller caller, ChildReads reads, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.picture = picture;
        this.caller = caller;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Bigger-picture flags about children the caller's agency is involved with, newest first",
            description = "For one child (with its linked records) and in one status if asked. Need to know (docs/access.md): "
                    + "only flags about children the caller's agency has a relationship with, or is the front door of; in "
                    + "full for the front door, break-glass and an agency holding one of the pieces behind the flag, "
                    + "otherwise as a headline (visibility: headline: the rule, the agencies, the status; not the pieces, "
                    + "the summary or the decisions' reasons).")
    public List<BiggerPicture.Flag> recent(@QueryParam("childId") String childId, @QueryParam("status") String status,
                                           @QueryParam("limit") @DefaultValue("100") String limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = null;
        if (childId != null) {
            try {
                child = UUID.fromString(childId);
            } catch (IllegalArgumentException e) {
                errors.add("childId", "uuid", "must be a child id (a UUID)");
            }
        }
        if (status != null && !BiggerPicture.statuses().contains(status)) {
            errors.add("status", "one-of", "must be one of " + String.join(", ", BiggerPicture.statuses()));
        }
        int size = errors.integer("limit", limit, 1, 1000);
        errors.throwIfAny();
        UUID only = child;
        List<ChildReads.Seen<BiggerPicture.Flag>> seen = reads.visible((offset, batch) -> picture.recent(only, status, offset, batch),
                f -> List.of(f.childId()), size);
        reads.readRows("flags", seen);
        return seen.stream().map(s -> asSeen(s.row(), s.sights().get(0))).toList();
    }

    @GET
    @Path("{flagId}")
    @Operation(summary = "One flag: the rule, the pieces behind it, and what leads have done about it",
            description = "As far as the caller's agency needs to know (see GET /flags); 404 for a flag about a child it "
                    + "has no relationship with, exactly as for a flag that does not exist.")
    public BiggerPicture.Flag one(@PathParam("flagId") String flagId) {
        BiggerPicture.Flag flag = visible(flagId);
        ChildSight sight = reads.require(flag.childId(), "flags", () -> notFound(flagId));
        reads.read("flags", sight);
        return asSeen(flag, sight);
    }

    /** The flag, if the caller may know of it; 404 (the refusal recorded) when not, exactly as for no such flag. */
    private BiggerPicture.Flag visible(String flagId) {
        BiggerPicture.Flag flag = picture.flag(id(flagId)).orElseThrow(() -> notFound(flagId));
        reads.require(flag.childId(), "flags", () -> notFound(flagId));
        return flag;
    }

    /** Acting on a flag takes seeing it whole: 403 for a lead who sees only its headline, 404 for one who may not know of it. */
    private void actionable(String flagId) {
        BiggerPicture.Flag flag = picture.flag(id(flagId)).orElseThrow(() -> notFound(flagId));
        ChildSight sight = reads.require(flag.childId(), "flags", () -> notFound(flagId));
        if (asSeen(flag, sight).visibility().equals(Sight.HEADLINE.wireName())) {
            throw ProblemException.forbidden("acting on a flag takes seeing the pieces behind it: the child's front door, "
                    + "or an agency holding one of them, acknowledges and clears it");
        }
    }

    private static BiggerPicture.Flag asSeen(BiggerPicture.Flag flag, ChildSight sight) {
        return sight.sight(new RecordRef(RecordKind.FLAG, flag.flagId(), null, flag.agencies())) == Sight.FULL
                ? flag : flag.headline();
    }

    private static ProblemException notFound(String flagId) {
        return ProblemException.notFound("no flag " + flagId);
    }

    @POST
    @Path("{flagId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an open flag, with a reason (bigger-picture-flag-acknowledged)",
            description = "409 flag-acknowledged or flag-cleared when it is not open. Agencies still see it until it is cleared.")
    @Transactional
    public Response acknowledge(@PathParam("flagId") String flagId, ReasonRequest body,
                                @HeaderParam(Correlation.HEADER) String correlation, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = id(flagId);
        String reason = required(body).check();
        actionable(flagId);
        return idempotency.once(key, caller.requireAgency() + " POST /flags/" + id + "/acknowledgement", body,
                () -> new IdempotencyKeys.Answer(200, null, null, picture.acknowledge(id, reason, caller.eventMetadata(correlation))));
    }

    @POST
    @Path("{flagId}/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clear a flag, with a reason (bigger-picture-flag-cleared)",
            description = "Agencies no longer see it; it stays in the history. 409 flag-cleared when already cleared.")
    @Transactional
    public Response clear(@PathParam("flagId") String flagId, ReasonRequest body,
                          @HeaderParam(Correlation.HEADER) String correlation, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = id(flagId);
        String reason = required(body).check();
        actionable(flagId);
        return idempotency.once(key, caller.requireAgency() + " POST /flags/" + id + "/clearance", body,
                () -> new IdempotencyKeys.Answer(200, null, null, picture.clear(id, reason, caller.eventMetadata(correlation))));
    }

    private static ReasonRequest required(ReasonRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON body with a reason is required");
        }
        return body;
    }

    private static UUID id(String flagId) {
        try {
            return UUID.fromString(flagId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no flag " + flagId);
        }
    }
}
