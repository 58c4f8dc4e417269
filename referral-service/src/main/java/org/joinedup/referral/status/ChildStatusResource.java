package org.joinedup.referral.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.Paths;

import java.util.List;
import java.util.UUID;

/**
 * The child's status where the child is shown (docs/pathway.md): for an agency with a relationship with the
 * child, every status in force (police protection, a child protection plan, looked after, a child in need plan,
 * early help), since when and whom to call. Like "is anyone worried?", never details; unlike it, by child id and
 * only for an agency involved with the child (404 otherwise, recorded).
 */
@Path("/children/{childId}/status")
@Tag(name = "Is anyone worried?")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ChildStatusResource {
    private final StatusLookups lookups;
    private final ChildReads reads;

    public ChildStatusResource(StatusLookups lookups, ChildReads reads) {
        this.lookups = lookups;
        this.reads = reads;
    }

    /** The child's statuses in force, the most serious first ({@code status} is its kind, {@code none} when none). */
    public record ChildStatus(UUID childId, String status, List<StatusLookups.InForce> inForce) {
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A child's statuses in force and whom to call, for an agency involved with the child",
            description = "status: the most serious in force (police-protection, child-protection-plan, looked-after, "
                    + "child-in-need, early-help) or none; inForce: each with its categories, since when, the agency holding "
                    + "it and whom to call. Records linked to the child count. 404 for a child the caller's agency has no "
                    + "relationship with; the read is recorded.")
    public ChildStatus get(@PathParam("childId") String childId) {
        UUID child = Paths.id(childId, "child");
        ChildSight sight = reads.require(child, "child-status",
                () -> ProblemException.notFound("no child " + childId + " is visible to the caller"));
        reads.read("child-status", sight);
        List<StatusLookups.InForce> inForce = lookups.ofChild(child);
        return new ChildStatus(child, inForce.isEmpty() ? "none" : inForce.get(0).status(), inForce);
    }
}
