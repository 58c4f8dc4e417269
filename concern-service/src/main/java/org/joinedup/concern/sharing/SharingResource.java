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
import org.joinedup.concern.access.EmergencyAccess;
import org.joinedup.concern.access.EmergencyAccessResource;
import org.joinedup.events.EventJson;
import org.joinedup.events.access.AccessBasis;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.RecordRef;
import org.joinedup.needtoknow.Sight;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.List;
import java.util.Set;
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

    @jakarta.inject.Inject
    ChildReads reads;

    @jakarta.inject.Inject
    EmergencyAccess emergency;

    @jakarta.inject.Inject
    org.joinedup.concern.webhooks.WebhookNotices webhookNotices;

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
    @Operation(summary = "One share: exactly what was sent, for the agencies that sent or received it",
            description = "The child's front door and a lead under break-glass read it too; another agency with a "
                    + "relationship with the child reads its headline (visibility: headline); anyone else gets 404, as for "
                    + "a share that does not exist, and the refusal is recorded (docs/access.md).")
    public JsonNode get(@PathParam("shareId") String shareId) {
        String agency = caller.requireAgency();
        JsonNode share = views.byId(parse(shareId)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("no share " + shareId + " for agency " + agency));
        JsonNode facts = share.path("share");
        UUID child = UUID.fromString(facts.path("childId").asText());
        ChildSight sight = reads.require(child, "share",
                () -> ProblemException.notFound("no share " + shareId + " for agency " + agency));
        String from = facts.path("fromAgency").asText();
        String to = facts.path("toAgency").asText();
        reads.read("share", sight);
        if (sight.sight(new RecordRef(RecordKind.SHARE, parse(shareId), from, List.of(to))) == Sight.FULL) {
            return share;
        }
        var headline = reads.headline(RecordKind.SHARE, parse(shareId), null, from, facts.path("purpose").asText(null),
                java.time.Instant.parse(facts.path("sharedAt").asText()));
        return EventJson.mapper().valueToTree(new ShareHeadline(Sight.HEADLINE.wireName(), headline, to));
    }

    /** A share the caller's agency may know of but not read: who shared with whom, for what purpose, when. */
    public record ShareHeadline(String visibility, org.joinedup.needtoknow.Headline headline, String toAgency) {
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
        access.read("share", childOf(found), AccessBasis.OWN_AGENCY);
        return found.get(0);
    }

    @GET
    @Path("inbox")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "What needs the caller's agency: shares sent to it and break-glass openings of its records, "
            + "not yet acknowledged, oldest first",
            description = "Each item has a kind: share (acknowledge with POST /shares/{shareId}/acknowledgement) or "
                    + "emergency-access, a lead's break-glass opening of a child's records this agency holds, with who, "
                    + "why and until when (acknowledge with POST /emergency-access/{grantId}/acknowledgement); or "
                    + "webhook-paused, the agency's webhook subscription paused because its callback kept failing "
                    + "(acknowledge with POST /webhook-notices/{noticeId}/acknowledgement).")
    public List<JsonNode> inbox() {
        String agency = caller.requireAgency();
        List<JsonNode> shares = views.inbox(agency);
        List<EmergencyAccess.Notice> notices = emergency.unacknowledged(agency);
        List<JsonNode> items = new java.util.ArrayList<>();
        var mapper = EventJson.mapper();
        for (JsonNode s : shares) {
            com.fasterxml.jackson.databind.node.ObjectNode item = mapper.createObjectNode().put("kind", "share");
            item.setAll((com.fasterxml.jackson.databind.node.ObjectNode) s);
            items.add(item);
        }
        notices.forEach(n -> items.add(mapper.valueToTree(new EmergencyAccessResource.InboxNotice(n))));
        webhookNotices.unacknowledged(agency).forEach(n -> items.add(mapper.valueToTree(n)));
        items.sort(java.util.Comparator.comparing(SharingResource::when));
        Set<UUID> children = new java.util.LinkedHashSet<>(childOf(shares));
        notices.forEach(n -> children.add(n.childId()));
        access.read("inbox", children, AccessBasis.OWN_AGENCY);
        return items;
    }

    private static String when(JsonNode item) {
        if (item.has("pausedAt")) {
            return item.path("pausedAt").asText();
        }
        return item.has("grant") ? item.path("grant").path("grantedAt").asText() : item.path("share").path("sharedAt").asText();
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
