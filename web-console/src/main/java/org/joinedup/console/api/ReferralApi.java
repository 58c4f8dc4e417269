package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** referral-service, as the signed-in person. */
@RegisterRestClient(configKey = "referrals")
@RegisterClientHeaders(BearerToken.class)
public interface ReferralApi {
    @GET
    @Path("/referrals")
    JsonNode referrals(@QueryParam("childId") String childId, @QueryParam("overdue") String overdue,
                       @QueryParam("limit") int limit);

    @POST
    @Path("/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode refer(Map<String, Object> body);

    @GET
    @Path("/teams")
    JsonNode teams(@QueryParam("childId") String childId, @QueryParam("limit") int limit);

    @GET
    @Path("/early-help-assessments/{assessmentId}")
    JsonNode assessment(@jakarta.ws.rs.PathParam("assessmentId") String assessmentId);
}
