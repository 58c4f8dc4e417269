package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** agency-directory-service, as the signed-in person. */
@RegisterRestClient(configKey = "directory")
@RegisterClientHeaders(BearerToken.class)
public interface DirectoryApi {
    /** Every active agency. */
    @GET
    @Path("/agencies")
    JsonNode agencies();
}
