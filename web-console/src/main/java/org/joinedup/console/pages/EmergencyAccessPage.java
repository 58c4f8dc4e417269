package org.joinedup.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.Problems;
import org.joinedup.console.forms.Csrf;
import org.joinedup.console.forms.Fields;
import org.joinedup.console.forms.Messages;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Break-glass from the console: a lead whose agency has no relationship with a child, facing an urgent risk,
 * opens the child's whole picture for a limited time with a written justification. The agencies whose
 * records are read are told, and every read is recorded with the basis emergency-access.
 */
@Path("/")
@RolesAllowed("safeguarding-lead")
@Produces(MediaType.TEXT_HTML)
public class EmergencyAccessPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance emergency(Person person, String childId, String justification,
                                                 Map<String, String> errors);
    }

    private static final Map<String, Messages.Field> FIELDS = Messages.form("justification",
            Messages.Field.typed("justification", "The urgent risk that makes the whole picture necessary now"));

    private final Person person;
    private final ConcernApi concerns;
    private final Csrf csrf;

    public EmergencyAccessPage(Person person, @RestClient ConcernApi concerns, Csrf csrf) {
        this.person = person;
        this.concerns = concerns;
        this.csrf = csrf;
    }

    @GET
    @Path("children/{childId}/emergency-access")
    public TemplateInstance form(@PathParam("childId") String childId) {
        return Templates.emergency(person, Casework.uuid(childId), null, Map.of());
    }

    @POST
    @Path("children/{childId}/emergency-access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object open(@PathParam("childId") String childId, @FormParam(Csrf.FIELD) String token,
                       @FormParam("justification") String justification) {
        csrf.check(token);
        String id = Casework.uuid(childId);
        Map<String, Object> body = new HashMap<>();
        Fields.put(body, "justification", justification);
        try {
            concerns.emergencyAccess(id, body);
        } catch (WebApplicationException e) {
            if (Problems.status(e) != 400) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(Messages.of(Problems.refusal(e), FIELDS));
            return Response.status(400).entity(Templates.emergency(person, id, justification, errors)).build();
        }
        return Response.seeOther(URI.create("/children/" + id)).build();
    }
}
