package org.joinedup.console.pages;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.joinedup.console.api.Problems;

/**
 * What a person sees when a service refuses or fails: "not found" (also for a child their agency may not
 * know of: the service says 404, exactly as for one that does not exist), "you cannot use this" for a role
 * that may not, and "try again later" for a service that does not answer. Nothing of the request is logged.
 */
public class ProblemPages {
    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    @jakarta.inject.Inject
    Person signedIn;

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** A role that may not use a page (a practitioner on a lead's page, say): the same page as the services' 403. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return refused(new jakarta.ws.rs.ForbiddenException());
    }

    /**
     * An address the person (or a link) got wrong: an id that is not a UUID, a number that is not one. It
     * names nothing, so it is "not found", as for an id that does not exist.
     */
    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e) {
        return refused(new jakarta.ws.rs.NotFoundException());
    }

    /** Anything else that went wrong: the person sees "try again later"; the log gets the kind of failure, not the data. */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return refused(w);
        }
        String kind = e.getClass().getName();
        if (kind.startsWith("io.quarkus.security.") || kind.startsWith("io.quarkus.oidc.")) {
            return null; // sign-in redirects and the like: Quarkus's own handling
        }
        LOG.errorf("a page failed: %s", e.getClass().getName());
        return page(500, "Sorry, there is a problem with the service", "Try again in a few minutes.");
    }

    @jakarta.inject.Inject
    io.vertx.ext.web.RoutingContext routing;

    private static final java.util.regex.Pattern CHILD_PAGE = java.util.regex.Pattern.compile(
            "/children/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = Problems.status(e);
        String title;
        String message;
        if (e instanceof org.joinedup.console.forms.Csrf.Refused) {
            title = "The form has expired";
            message = "Nothing was changed. Go back, reload the page and send the form again.";
        } else if (status == 404) {
            title = "Page not found";
            message = "There is nothing to show here. If you followed a link to a child, the child may not exist, or "
                    + "your agency may have no reason to know of them: no agency sees a child it has no relationship with.";
            String child = childPage();
            if (child != null) {
                return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Pages.Templates.problem(signedIn, title, message, child).render())
                        .build();
            }
        } else if (status == 403) {
            title = "You cannot use this page";
            message = "Your role does not allow it. Ask your agency's administrator if you need it.";
        } else if (status >= 500 || status < 400) {
            LOG.warnf("a service answered %d (%s)", status, e.getClass().getSimpleName());
            status = 502;
            title = "Sorry, there is a problem with the service";
            message = "A part of the platform did not answer. Try again in a few minutes.";
        } else {
            title = "The request could not be carried out";
            message = "Go back and check what you entered.";
        }
        return page(status, title, message);
    }

    /** The child of a chronology address a lead asked for, or null: a lead may open it in an emergency. */
    private String childPage() {
        if (identity.isAnonymous() || !identity.hasRole("safeguarding-lead") || routing == null) {
            return null;
        }
        java.util.regex.Matcher m = CHILD_PAGE.matcher(routing.normalizedPath());
        return m.matches() ? m.group(1) : null;
    }

    private Response page(int status, String title, String message) {
        Person person = identity.isAnonymous() ? null : signedIn;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.Templates.problem(person, title, message, null).render()).build();
    }
}
