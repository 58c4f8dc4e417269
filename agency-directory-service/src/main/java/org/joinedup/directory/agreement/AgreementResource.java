package org.joinedup.directory.agreement;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.directory.DirectoryCommands;
import org.joinedup.directory.agreement.domain.AgreementCommand;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.directory.validation.Fields;
import org.joinedup.directory.view.AgreementView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgreementTerms;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.platform.store.StoredEvent;

import java.util.List;
import java.util.UUID;

@Path("/agreements")
@Tag(name = "Data-sharing agreements")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {
    private final DirectoryCommands commands;
    private final DirectoryQueries queries;
    private final Caller caller;

    public AgreementResource(DirectoryCommands commands, DirectoryQueries queries, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Propose an agreement between two or more registered, active agencies")
    public Response propose(AgreementRequest body, @HeaderParam(Correlation.HEADER) String correlation,
                            @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON agreement is required");
        }
        AgreementTerms terms = body.toTerms();
        for (int i = 0; i < terms.parties().size(); i++) {
            queries.requireActiveAgency("parties[" + i + "]", terms.parties().get(i));
        }
        UUID id = UUID.randomUUID();
        commands.agreement(id, ExpectedVersion.any(), caller.eventMetadata(correlation),
                now -> new AgreementCommand.Propose(id, terms, caller.subject(), now));
        AgreementView view = view(id);
        return Response.created(uri.getBaseUriBuilder().path("agreements").path(id.toString()).build())
                .tag(IfMatch.etag(view.version())).entity(view).build();
    }

    @GET
    @Path("{agreementId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR, Roles.DIRECTORY_ADMIN})
    @Operation(summary = "One agreement: for its parties, safeguarding leads, inspectors and directory administrators")
    public Response get(@PathParam("agreementId") String agreementId) {
        AgreementView view = view(parse(agreementId));
        boolean party = caller.agencyId().map(view.terms().parties()::contains).orElse(false);
        if (!party && !caller.hasRole(Roles.SAFEGUARDING_LEAD) && !caller.hasRole(Roles.INSPECTOR)
                && !caller.hasRole(Roles.DIRECTORY_ADMIN)) {
            throw ProblemException.forbidden("an agreement's content is visible to its parties, safeguarding leads "
                    + "and inspectors");
        }
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    @POST
    @Path("{agreementId}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Record the signature of the caller's agency, by a named signatory",
            description = "201 when recorded; 200 when that agency had already signed (nothing new is recorded). "
                    + "The last party's signature activates the agreement.")
    public Response sign(@PathParam("agreementId") String agreementId, SignatureRequest body,
                         @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = parse(agreementId);
        FieldErrors errors = new FieldErrors();
        String name = errors.text("signatoryName", body == null ? null : body.signatoryName(), 200);
        String role = errors.text("signatoryRole", body == null ? null : body.signatoryRole(), 200);
        errors.throwIfAny();
        String party = caller.requireAgency();
        List<StoredEvent> appended = commands.agreement(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new AgreementCommand.Sign(id, party, name, role, caller.subject(), now)).appended();
        AgreementView view = view(id);
        return Response.status(appended.isEmpty() ? 200 : 201).tag(IfMatch.etag(view.version())).entity(view).build();
    }

    @POST
    @Path("{agreementId}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Revoke an agreement, with a reason; send If-Match with the ETag you read")
    public Response revoke(@PathParam("agreementId") String agreementId, RevocationRequest body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = parse(agreementId);
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", body == null ? null : body.reason(), 1000);
        errors.throwIfAny();
        commands.agreement(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation),
                now -> new AgreementCommand.Revoke(id, reason, caller.subject(), now));
        AgreementView view = view(id);
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    private AgreementView view(UUID id) {
        return queries.agreement(id).orElseThrow(() -> ProblemException.notFound("no agreement " + id));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no agreement " + id);
        }
    }
}
