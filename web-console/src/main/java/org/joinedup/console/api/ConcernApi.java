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

    /** The calling practitioner's own concerns (raisedBy=me) or their agency's, newest first. */
    @GET
    @Path("/concerns")
    JsonNode own(@QueryParam("raisedBy") String raisedBy, @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    /** One concern, with its ETag for the raising agency. */
    @GET
    @Path("/concerns/{concernId}")
    jakarta.ws.rs.core.Response concern(@PathParam("concernId") String concernId);

    @POST
    @Path("/concerns/{concernId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode amend(@PathParam("concernId") String concernId, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
                   java.util.Map<String, Object> body);

    @POST
    @Path("/concerns/{concernId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode withdraw(@PathParam("concernId") String concernId, java.util.Map<String, Object> body);

    /** Break-glass: the calling lead opens the child's whole picture, with a written justification. */
    @POST
    @Path("/children/{childId}/emergency-access")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode emergencyAccess(@PathParam("childId") String childId, java.util.Map<String, Object> body);

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

    @GET
    @Path("/flags")
    JsonNode flagsOf(@QueryParam("childId") String childId, @QueryParam("status") String status, @QueryParam("limit") int limit);

    @POST
    @Path("/flags/{flagId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode acknowledgeFlag(@PathParam("flagId") String flagId, java.util.Map<String, Object> body);

    /** A page of the review queue; the next page's address, when there is one, is in the Link header. */
    @GET
    @Path("/children/candidates")
    jakarta.ws.rs.core.Response candidates(@QueryParam("status") String status, @QueryParam("reason") String reason,
                                           @QueryParam("childId") String childId, @QueryParam("after") String after,
                                           @QueryParam("limit") int limit);

    /** The open pairs of the review queue that involve one child record. */
    @GET
    @Path("/children/candidates")
    JsonNode candidatesOf(@QueryParam("childId") String childId, @QueryParam("status") String status,
                          @QueryParam("limit") int limit);

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
