package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service, as the signed-in person. */
@RegisterRestClient(configKey = "audit")
@RegisterClientHeaders(BearerToken.class)
public interface AuditApi {
    @GET
    @Path("/children/{childId}/chronology")
    JsonNode chronology(@PathParam("childId") String childId, @QueryParam("agencyId") String agencyId,
                        @QueryParam("category") String category, @QueryParam("indicator") String indicator,
                        @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("order") String order, @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    /** The entries of one significance (significant: what a lead must not miss; process: the rest), newest first. */
    @GET
    @Path("/children/{childId}/chronology")
    JsonNode entries(@PathParam("childId") String childId, @QueryParam("significance") String significance,
                        @QueryParam("kind") String kind, @QueryParam("order") String order, @QueryParam("offset") int offset,
                        @QueryParam("limit") int limit);

    @GET
    @Path("/measures")
    JsonNode measures(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/measures/export.csv")
    @jakarta.ws.rs.Produces("text/csv")
    String measuresCsv(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to);
}
