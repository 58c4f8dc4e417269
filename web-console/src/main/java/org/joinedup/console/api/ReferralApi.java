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

    @POST
    @Path("/teams")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode formTeam(Map<String, Object> body);

    @POST
    @Path("/teams/{teamId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode addMember(@jakarta.ws.rs.PathParam("teamId") String teamId, Map<String, Object> body);

    @POST
    @Path("/teams/{teamId}/lead-professional")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode assignLead(@jakarta.ws.rs.PathParam("teamId") String teamId, Map<String, Object> body);

    @POST
    @Path("/teams/{teamId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode agreeAction(@jakarta.ws.rs.PathParam("teamId") String teamId, Map<String, Object> body);

    @POST
    @Path("/teams/{teamId}/actions/{actionId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode completeAction(@jakarta.ws.rs.PathParam("teamId") String teamId,
                            @jakarta.ws.rs.PathParam("actionId") String actionId, Map<String, Object> body);

    @POST
    @Path("/teams/{teamId}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode reviewTeam(@jakarta.ws.rs.PathParam("teamId") String teamId, Map<String, Object> body);

    /** A practitioner's agency's referrals in one direction (sent, received), newest first. */
    @GET
    @Path("/referrals")
    JsonNode referralsMade(@QueryParam("direction") String direction, @QueryParam("limit") int limit);

    /** A child's child protection episodes, newest first. */
    @GET
    @Path("/child-protection")
    JsonNode episodes(@QueryParam("childId") String childId);

    /** A strategy discussion: opens an episode. */
    @POST
    @Path("/child-protection")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode strategyDiscussion(Map<String, Object> body);

    /** A step of an episode: enquiry-outcome, initial-conference, core-group, review-conference or plan-end. */
    @POST
    @Path("/child-protection/{episodeId}/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode episodeStep(@jakarta.ws.rs.PathParam("episodeId") String episodeId, @jakarta.ws.rs.PathParam("step") String step,
                         @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    /** One referral, with its ETag. */
    @GET
    @Path("/referrals/{referralId}")
    jakarta.ws.rs.core.Response referral(@jakarta.ws.rs.PathParam("referralId") String referralId);

    /**
     * A step on a referral by the receiving agency: acknowledgement, decision, early-help-consent, closure or
     * assessment-completion, with the body that step takes (empty for acknowledgement).
     */
    @POST
    @Path("/referrals/{referralId}/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode referralStep(@jakarta.ws.rs.PathParam("referralId") String referralId,
                          @jakarta.ws.rs.PathParam("step") String step,
                          @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    /** The front door's triage queue (only the front door's own). */
    @GET
    @Path("/triage")
    JsonNode triage(@QueryParam("status") String status, @QueryParam("childId") String childId, @QueryParam("limit") int limit);

    /** One item of the queue, with its ETag. */
    @GET
    @Path("/triage/{triageId}")
    jakarta.ws.rs.core.Response triageItem(@jakarta.ws.rs.PathParam("triageId") String triageId);

    @POST
    @Path("/triage/{triageId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode decideTriage(@jakarta.ws.rs.PathParam("triageId") String triageId,
                          @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    /** What is overdue: referrals whose clock ran out, open actions past due. */
    @GET
    @Path("/overdue")
    JsonNode overdue();

    /** The actions the calling practitioner owns. */
    @GET
    @Path("/actions")
    JsonNode myActions(@QueryParam("status") String status);

    /** The child's statuses in force (child protection plan, looked after...), each with whom to call. */
    @GET
    @Path("/children/{childId}/status")
    JsonNode status(@jakarta.ws.rs.PathParam("childId") String childId);

    @GET
    @Path("/early-help-assessments/{assessmentId}")
    JsonNode assessment(@jakarta.ws.rs.PathParam("assessmentId") String assessmentId);
}
