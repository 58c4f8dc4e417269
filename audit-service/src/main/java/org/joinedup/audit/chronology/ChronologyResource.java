package org.joinedup.audit.chronology;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Roles;

import java.util.UUID;

@Path("/children/{childId}/chronology")
@Tag(name = "Chronology")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ChronologyResource {
    public static final int MAX_LIMIT = 1000;
    private final ChronologyQueries queries;
    private final ChildReads reads;

    public ChronologyResource(ChronologyQueries queries, ChildReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    @GET
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    @Operation(summary = "The joined-up chronology of one child across every agency, in the order things happened",
            description = "As far as the caller's agency needs to know (docs/access.md): the child's front door, and a "
                    + "lead who opened it by break-glass, see every entry in full; an agency with a relationship with the "
                    + "child sees its own records and what was shared or referred to it in full, and every other entry as "
                    + "a headline (visibility: headline; which agency, what kind of record, the category, the date, whom "
                    + "to call); an agency with no relationship gets 404, as for a child that does not exist, and the "
                    + "refusal is recorded. Includes every child record a safeguarding lead linked to this one (each entry "
                    + "names its childRecord); unlinking separates them again. Narrow it with agencyId, category, indicator "
                    + "(a wellbeing indicator), type or kind (concern, share, referral, team, flag...) and from/to (when "
                    + "things happened); significance significant (concerns, flags, decisions, plans and statuses starting or "
                    + "ending, clocks missed, records linked, break-glass: what a lead must not miss) or process (the rest); "
                    + "order oldest (default) or newest first. Each call is recorded as record-accessed, "
                    + "with its basis.")
    public Chronology get(@PathParam("childId") String childId,
                          @QueryParam("agencyId") String agencyId,
                          @QueryParam("category") String category,
                          @QueryParam("type") String type,
                          @QueryParam("from") String from,
                          @QueryParam("to") String to,
                          @QueryParam("indicator") String indicator,
                          @QueryParam("kind") String kind,
                          @QueryParam("order") String order,
                          @QueryParam("significance") String significance,
                          @QueryParam("offset") @DefaultValue("0") String offset,
                          @QueryParam("limit") @DefaultValue("100") String limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = null;
        try {
            child = UUID.fromString(childId);
        } catch (IllegalArgumentException e) {
            errors.add("childId", "uuid", "must be a child id (a UUID)");
        }
        ChronologyFilter filter = ChronologyFilter.parse(errors, agencyId, category, type, from, to, indicator, kind, order,
                significance);
        int first = errors.integer("offset", offset, 0, Integer.MAX_VALUE);
        int size = errors.integer("limit", limit, 1, MAX_LIMIT);
        errors.throwIfAny();
        ChildSight sight = reads.require(child, "chronology", () -> ProblemException.notFound("no child " + childId));
        Chronology shown = ChronologyPolicy.apply(queries.of(child, filter, first, size), sight, reads);
        reads.read("chronology", sight);
        return shown;
    }
}
