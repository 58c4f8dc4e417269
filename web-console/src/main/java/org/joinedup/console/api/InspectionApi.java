package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service's inspection endpoints, as the signed-in inspector. */
@RegisterRestClient(configKey = "audit")
@RegisterClientHeaders(BearerToken.class)
@Path("/inspection")
public interface InspectionApi {
    @GET
    @Path("/children/{childId}/chronology")
    JsonNode replay(@PathParam("childId") String childId, @QueryParam("asOf") String asOf,
                    @QueryParam("order") String order, @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/access-log")
    JsonNode accessLog(@QueryParam("childId") String childId, @QueryParam("agencyId") String agencyId,
                       @QueryParam("basis") String basis, @QueryParam("asOf") String asOf, @QueryParam("offset") int offset,
                       @QueryParam("limit") int limit);

    @GET
    @Path("/verification")
    JsonNode verification();

    @GET
    @Path("/checkpoints")
    JsonNode checkpoints();

    @GET
    @Path("/children/{childId}/export")
    @Produces("application/x-ndjson")
    byte[] export(@PathParam("childId") String childId);
}
