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
import org.joinedup.platform.access.AccessLog;
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
    private final AccessLog access;
    private final IdempotencyKeys idempotency;

    public FlagResource(BiggerPicture picture, Caller caller, AccessLog access, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.picture = picture;
        this.caller = caller;
        this.access = access;
    }

    @GET
    @Operation(summary = "Bigger-picture flags, newest first; for one child (with its linked records) and in one status if asked")
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
        List<BiggerPicture.Flag> flags = picture.recent(child, status, size);
        access.read("flags", flags.stream().map(BiggerPicture.Flag::childId).toList());
        return flags;
    }

    @GET
    @Path("{flagId}")
    @Operation(summary = "One flag: the rule, the pieces behind it, and what leads have done about it")
    public BiggerPicture.Flag one(@PathParam("flagId") String flagId) {
        BiggerPicture.Flag flag = picture.flag(id(flagId)).orElseThrow(() -> ProblemException.notFound("no flag " + flagId));
        access.read("flags", flag.childId());
        return flag;
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
