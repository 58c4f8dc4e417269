package org.joinedup.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** notification-service: the signed-in lead's agency's notifications, listed and live. */
@RegisterRestClient(configKey = "notifications")
@RegisterClientHeaders(BearerToken.class)
public interface NotificationApi {
    @GET
    @Path("/notifications")
    JsonNode newest(@QueryParam("limit") int limit);

    /** Older notifications: those before a seq, newest first. */
    @GET
    @Path("/notifications")
    JsonNode before(@QueryParam("before") long before, @QueryParam("limit") int limit);

    @GET
    @Path("/notifications/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") Long after);
}
