package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** concern-service, as the signed-in person. */
@RegisterRestClient(configKey = "concerns")
@RegisterClientHeaders(BearerToken.class)
public interface ConcernApi {
    @GET
    @Path("/children")
    JsonNode findChild(@QueryParam("nhsNumber") String nhsNumber, @QueryParam("familyName") String familyName,
                       @QueryParam("givenName") String givenName, @QueryParam("dateOfBirth") String dateOfBirth,
                       @QueryParam("ageYears") String ageYears);

    @GET
    @Path("/children/{childId}/record")
    JsonNode childRecord(@PathParam("childId") String childId);

    @GET
    @Path("/children/{childId}/concerns")
    JsonNode agencyView(@PathParam("childId") String childId);

    @POST
    @Path("/concerns")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode raise(java.util.Map<String, Object> body);

    @POST
    @Path("/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode share(java.util.Map<String, Object> body);

    @GET
    @Path("/inbox")
    JsonNode inbox();

    @POST
    @Path("/shares/{shareId}/acknowledgement")
    JsonNode acknowledgeShare(@PathParam("shareId") String shareId);

    @POST
    @Path("/emergency-access/{grantId}/acknowledgement")
    JsonNode acknowledgeNotice(@PathParam("grantId") String grantId);

    @POST
    @Path("/webhook-notices/{noticeId}/acknowledgement")
    JsonNode acknowledgeWebhookNotice(@PathParam("noticeId") String noticeId);

    @GET
    @Path("/flags")
    JsonNode flags(@QueryParam("status") String status, @QueryParam("limit") int limit);

    @POST
    @Path("/flags/{flagId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode acknowledgeFlag(@PathParam("flagId") String flagId, java.util.Map<String, Object> body);

    /** A page of the review queue; the next page's address, when there is one, is in the Link header. */
    @GET
    @Path("/children/candidates")
    jakarta.ws.rs.core.Response candidates(@QueryParam("status") String status, @QueryParam("reason") String reason,
                                           @QueryParam("after") String after, @QueryParam("limit") int limit);

    @GET
    @Path("/children/candidates/{candidateId}")
    JsonNode candidate(@PathParam("candidateId") String candidateId);

    @POST
    @Path("/children/links")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode link(java.util.Map<String, Object> body);

    @POST
    @Path("/children/candidates/{candidateId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode dismiss(@PathParam("candidateId") String candidateId, java.util.Map<String, Object> body);
}
