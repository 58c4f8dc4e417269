package org.joinedup.concern.view;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/children/{childId}/concerns")
@Tag(name = "Agency view")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyViewResource {
    private final AgencyConcernViews views;
    private final Caller caller;

    @jakarta.inject.Inject
    org.joinedup.platform.access.AccessLog access;
    private final org.joinedup.concern.child.ChildLinks links;

    @jakarta.inject.Inject
    org.joinedup.concern.picture.BiggerPicture picture;

    @jakarta.inject.Inject
    org.joinedup.concern.picture.FlagContacts contacts;

    public AgencyViewResource(AgencyConcernViews views, Caller caller, org.joinedup.concern.child.ChildLinks links) {
        this.links = links;
        this.views = views;
        this.caller = caller;
    }

    /** The caller's agency's view of one child. */
    public record AgencyView(UUID childId, String agencyId, int count, List<JsonNode> concerns, List<AgencyFlag> flags) {
    }

    /**
     * That a flag exists and whom to contact: never the rule, the concerns or the agencies behind it,
     * which the agency may not be entitled to (as CP-IS shows a flag, not the file).
     */
    public record AgencyFlag(UUID flagId, java.time.Instant raisedAt, String status,
                             List<org.joinedup.concern.picture.FlagContacts.FlagContact> contact) {
    }

    @GET
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The concerns about a child that the caller's agency raised (or, with sharing, was sent)",
            description = "An agency that holds a concern about the child also sees each flag not cleared (that it exists, "
                    + "its status and whom to contact), never the detail behind it. "
                    + "Concerns about child records a safeguarding lead linked to this one are included. "
                    + "Nothing else: another agency's concerns never appear. A child the agency knows nothing "
                    + "about answers an empty list, so the child's existence is not disclosed.")
    public AgencyView get(@PathParam("childId") String childId) {
        UUID child;
        try {
            child = UUID.fromString(childId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("childId", "uuid", "must be a child id (a UUID)");
        }
        String agency = caller.requireAgency();
        java.util.Set<UUID> group = links.groupOf(child);
        List<JsonNode> concerns = views.visibleTo(agency, group);
        List<AgencyFlag> flags = List.of();
        if (!concerns.isEmpty()) {
            var flagged = picture.notCleared(group);
            if (!flagged.isEmpty()) {
                var whom = contacts.forAgency(agency);
                flags = flagged.stream().map(f -> new AgencyFlag(f.flagId(), f.raisedAt(), f.status(), whom)).toList();
            }
        }
        access.read("agency-view", concerns.stream().map(c -> UUID.fromString(c.path("childId").asText())).toList());
        return new AgencyView(child, agency, concerns.size(), concerns, flags);
    }
}
