package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
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
}
