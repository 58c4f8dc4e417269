package org.joinedup.directory.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.joinedup.directory.DirectoryCommands;
import org.joinedup.directory.agency.domain.AgencyCommand;
import org.joinedup.directory.agency.domain.AgencyDetails;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.directory.validation.Fields;
import org.joinedup.directory.view.AgencyView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.WireNamed;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.List;

@Path("/agencies")
@Tag(name = "Agencies")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final DirectoryCommands commands;
    private final DirectoryQueries queries;
    private final Caller caller;

    public AgencyResource(DirectoryCommands commands, DirectoryQueries queries, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Register an agency (its id is chosen by the caller and never changes)")
    public Response register(AgencyRequest body, @HeaderParam(Correlation.HEADER) String correlation, @Context UriInfo uri) {
        AgencyDetails d = required(body).toDetails();
        commands.agency(d.agencyId(), ExpectedVersion.any(), caller.eventMetadata(correlation),
                now -> new AgencyCommand.Register(d, caller.subject(), now));
        AgencyView view = view(d.agencyId());
        return Response.created(uri.getBaseUriBuilder().path("agencies").path(d.agencyId()).build())
                .tag(IfMatch.etag(view.version())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR, Roles.DIRECTORY_ADMIN})
    @Operation(summary = "List and search agencies: by kind, area, or text in the id or name")
    public List<AgencyView> search(@QueryParam("kind") String kind, @QueryParam("area") String area,
                                   @QueryParam("q") String text,
                                   @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive) {
        if (kind != null && AgencyKind.fromWireName(kind).isEmpty()) {
            new FieldErrors().add("kind", "known-agency-kind", "must be one of " + WireNamed.allNames(AgencyKind.class))
                    .throwIfAny();
        }
        return queries.searchAgencies(kind, Fields.blank(area) ? null : area.trim(),
                Fields.blank(text) ? null : text.trim(), includeInactive);
    }

    @GET
    @Path("{agencyId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR, Roles.DIRECTORY_ADMIN})
    @Operation(summary = "One agency, with its ETag")
    public Response get(@PathParam("agencyId") String agencyId) {
        return current(agencyId);
    }

    @PUT
    @Path("{agencyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Replace an agency's details; send If-Match with the ETag you read")
    public Response update(@PathParam("agencyId") String agencyId, AgencyRequest body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        AgencyDetails d = required(body).toDetails(agencyId);
        commands.agency(agencyId, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new AgencyCommand.Update(d, caller.subject(), now));
        return current(agencyId);
    }

    @POST
    @Path("{agencyId}/deactivation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Deactivate an agency (it is never deleted); a reason is required")
    public Response deactivate(@PathParam("agencyId") String agencyId, DeactivationRequest body,
                               @HeaderParam(IfMatch.HEADER) String ifMatch,
                               @HeaderParam(Correlation.HEADER) String correlation) {
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", body == null ? null : body.reason(), 1000);
        errors.throwIfAny();
        commands.agency(agencyId, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new AgencyCommand.Deactivate(agencyId, reason, caller.subject(), now));
        return current(agencyId);
    }

    /** 200 with the agency as it now is, and its ETag. */
    private Response current(String agencyId) {
        AgencyView view = view(agencyId);
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    private AgencyView view(String agencyId) {
        return queries.agency(agencyId).orElseThrow(() -> ProblemException.notFound("no agency " + agencyId));
    }

    private static AgencyRequest required(AgencyRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON agency is required");
        }
        return body;
    }
}
