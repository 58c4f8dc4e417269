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
import org.joinedup.concern.child.ChildLinks;
import org.joinedup.concern.picture.BiggerPicture;
import org.joinedup.concern.picture.FlagContacts;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.Headline;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/children/{childId}/concerns")
@Tag(name = "Agency view")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyViewResource {
    private final AgencyConcernViews views;
    private final Caller caller;
    private final ChildLinks links;
    private final BiggerPicture picture;
    private final FlagContacts contacts;
    private final ChildReads reads;

    public AgencyViewResource(AgencyConcernViews views, Caller caller, ChildLinks links, BiggerPicture picture,
                              FlagContacts contacts, ChildReads reads) {
        this.views = views;
        this.caller = caller;
        this.links = links;
        this.picture = picture;
        this.contacts = contacts;
        this.reads = reads;
    }

    /**
     * The caller's agency's view of one child.
     *
     * @param basis       what lets the agency see the child (relationship, front-door, emergency-access)
     * @param concerns    the concerns it may read in full: its own as now amended, those shared with it exactly as
     *                    sent, and, for the front door or under break-glass, every one as it now is
     * @param involvement headlines of the other agencies' concerns: which agency, the category, the date, whom to call
     */
    public record AgencyView(UUID childId, String agencyId, String basis, int count, List<JsonNode> concerns,
                             List<Headline> involvement, List<AgencyFlag> flags) {
    }

    /**
     * That a flag exists and whom to contact: never the rule, the concerns or the agencies behind it,
     * which the agency may not be entitled to (as CP-IS shows a flag, not the file).
     */
    public record AgencyFlag(UUID flagId, java.time.Instant raisedAt, String status, List<FlagContacts.FlagContact> contact) {
    }

    @GET
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "A child as the caller's agency may see it: its own concerns and what was sent to it in full, "
            + "the other agencies' as headlines",
            description = "Need to know (docs/access.md): an agency with a relationship with the child (it raised or was sent "
                    + "something, was referred the child, is in the child's team) reads its own concerns and those shared "
                    + "with it in full, and learns of every other agency's concern as a headline (which agency, category, "
                    + "date, whom to call) under involvement; the child's front door, and a lead under break-glass, read "
                    + "every concern in full. Flags not cleared show that they exist and whom to contact. Concerns about "
                    + "child records a safeguarding lead linked to this one are included. A child the agency has no "
                    + "relationship with answers 404, exactly like one that does not exist, and the refusal is recorded.")
    public AgencyView get(@PathParam("childId") String childId) {
        UUID child;
        try {
            child = UUID.fromString(childId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("childId", "uuid", "must be a child id (a UUID)");
        }
        String agency = caller.requireAgency();
        ChildSight sight = reads.require(child, "agency-view", () -> ProblemException.notFound("no child " + childId));
        Set<UUID> group = links.groupOf(child);
        List<JsonNode> concerns = new ArrayList<>();
        List<AgencyConcernViews.ConcernRow> others = new ArrayList<>();
        for (AgencyConcernViews.ConcernRow row : views.ofChild(agency, group)) {
            JsonNode full = ConcernSight.full(row, sight);
            if (full != null) {
                concerns.add(full);
            } else {
                others.add(row);
            }
        }
        reads.prefetchContacts(others.stream().map(AgencyConcernViews.ConcernRow::owner).toList());
        List<Headline> involvement = others.stream().map(r -> ConcernSight.headline(r, reads)).toList();
        List<AgencyFlag> flags = List.of();
        var flagged = picture.notCleared(group);
        if (!flagged.isEmpty()) {
            var whom = contacts.forAgency(agency);
            flags = flagged.stream().map(f -> new AgencyFlag(f.flagId(), f.raisedAt(), f.status(), whom)).toList();
        }
        List<UUID> records = new ArrayList<>();
        concerns.forEach(c -> records.add(UUID.fromString(c.path("childId").asText())));
        others.forEach(r -> records.add(r.childId()));
        reads.read("agency-view", sight, records);
        return new AgencyView(child, agency, sight.basis().wireName(), concerns.size(), concerns, involvement, flags);
    }
}
