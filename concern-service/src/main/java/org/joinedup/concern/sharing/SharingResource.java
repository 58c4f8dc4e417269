package org.joinedup.concern.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.concern.InformationShareDeclined;
import org.joinedup.events.concern.InformationShared;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "Information sharing")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SharingResource {
    private final Sharing sharing;
    private final ShareViews views;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    @jakarta.inject.Inject
    org.joinedup.platform.access.AccessLog access;

    public SharingResource(Sharing sharing, ShareViews views, Caller caller, IdempotencyKeys idempotency) {
        this.sharing = sharing;
        this.views = views;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Path("shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Share the caller's agency's concerns (and/or a note) about a child with another agency",
            description = "Checked against the active data-sharing agreements this service holds (category, purpose, "
                    + "dates): 201 with the agreement id; 403 no-sharing-agreement naming what is missing; a "
                    + "safeguarding lead may share anyway with override.justification (marked as an override). "
                    + "422 for an unknown or deactivated recipient or a concern that is not the caller's.")
    public Response share(ShareRequest body, @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON share is required");
        }
        ShareRequest.Checked checked = body.check();
        String agency = caller.requireAgency();
        return idempotency.once(key, agency + " POST /shares", body, () -> {
            InformationShared shared = sharing.share(checked, agency, caller.hasRole(Roles.SAFEGUARDING_LEAD),
                    caller.eventMetadata(correlation));
            return new IdempotencyKeys.Answer(201,
                    uri.getBaseUriBuilder().path("shares").path(shared.shareId().toString()).build().toString(),
                    null, shared);
        });
    }

    @POST
    @Path("shares/declined")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Record a decision not to share, with the reasons")
    @Transactional
    public Response decline(DeclineRequest body, @HeaderParam(Correlation.HEADER) String correlation,
                            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON decision is required");
        }
        String agency = caller.requireAgency();
        return idempotency.once(key, agency + " POST /shares/declined", body, () -> new IdempotencyKeys.Answer(201, null,
                null, sharing.decline(body, agency, caller.eventMetadata(correlation))));
    }

    @GET
    @Path("shares/{shareId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One share, for the agency that sent or received it: exactly what was sent")
    public JsonNode get(@PathParam("shareId") String shareId) {
        String agency = caller.requireAgency();
        List<JsonNode> found = views.one(parse(shareId), agency);
        if (found.isEmpty()) {
            throw ProblemException.notFound("no share " + shareId + " for agency " + agency);
        }
        access.read("share", childOf(found));
        return found.get(0);
    }

    @POST
    @Path("shares/{shareId}/acknowledgement")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "The recipient acknowledges a share; acknowledging again records nothing")
    public JsonNode acknowledge(@PathParam("shareId") String shareId, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = parse(shareId);
        String agency = caller.requireAgency();
        sharing.acknowledge(id, agency, caller.eventMetadata(correlation));
        List<JsonNode> found = views.one(id, agency);
        access.read("share", childOf(found));
        return found.get(0);
    }

    @GET
    @Path("inbox")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "What was shared with the caller's agency and not yet acknowledged, oldest first")
    public List<JsonNode> inbox() {
        List<JsonNode> items = views.inbox(caller.requireAgency());
        access.read("inbox", childOf(items));
        return items;
    }

    private static List<UUID> childOf(List<JsonNode> shares) {
        return shares.stream().map(s -> UUID.fromString(s.path("share").path("childId").asText())).toList();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no share " + id);
        }
    }
}
