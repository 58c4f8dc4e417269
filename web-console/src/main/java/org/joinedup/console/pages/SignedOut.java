package org.joinedup.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where Keycloak sends a person back after signing out: public, and holding nothing. */
@Path("/signed-out")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignedOut {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    public TemplateInstance page() {
        return Templates.signedOut();
    }
}
