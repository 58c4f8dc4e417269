package org.joinedup.concern.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
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

import java.time.Clock;

/** The notice in an agency's inbox that its webhook subscription was paused, and its acknowledgement. */
@Path("/webhook-notices")
@Tag(name = "Inbox")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookNoticeResource {
    private final WebhookNotices notices;
    private final Caller caller;
    private final Clock clock;

    public WebhookNoticeResource(WebhookNotices notices, Caller caller, Clock clock) {
        this.notices = notices;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("{noticeId}/acknowledgement")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "The agency acknowledges the notice that its webhook subscription was paused",
            description = "It leaves the agency's inbox; a repeat changes nothing. Resuming the subscription is done at "
                    + "notification-service (POST /subscriptions/{id}/resume). 404 for another agency's notice.")
    public WebhookNotices.Notice acknowledge(@PathParam("noticeId") String noticeId) {
        String agency = caller.requireAgency();
        return notices.acknowledge(WebhookNotices.id(noticeId)
                        .orElseThrow(() -> ProblemException.notFound("no webhook notice " + noticeId)),
                agency, caller.subject(), clock.instant());
    }
}
