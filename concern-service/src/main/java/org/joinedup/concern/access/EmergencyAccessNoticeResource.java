package org.joinedup.concern.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.util.UUID;

/** The notices of break-glass an agency finds in its inbox, and their acknowledgement. */
@Path("/emergency-access")
@Tag(name = "Emergency access")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyAccessNoticeResource {
    private final EmergencyAccess emergency;
    private final Caller caller;

    public EmergencyAccessNoticeResource(EmergencyAccess emergency, Caller caller) {
        this.emergency = emergency;
        this.caller = caller;
    }

    @POST
    @Path("{grantId}/acknowledgement")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "An agency told of a break-glass opening of its records acknowledges the notice",
            description = "It leaves the agency's inbox (emergency-access-acknowledged); a repeat records nothing. 404 when "
                    + "the caller's agency was not told of that grant.")
    public Response acknowledge(@PathParam("grantId") String grantId, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = EmergencyAccessResource.id(grantId, "emergency access notice");
        String agency = caller.requireAgency();
        emergency.acknowledge(id, agency, caller.eventMetadata(correlation));
        EmergencyAccess.Notice notice = emergency.notice(id, agency).orElseThrow();
        return Response.ok(new EmergencyAccessResource.InboxNotice(notice)).build();
    }
}
