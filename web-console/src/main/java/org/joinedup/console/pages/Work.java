package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.Problems;
import org.joinedup.console.forms.Csrf;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A safeguarding lead's work: bigger-picture flags to acknowledge, and the review queue of records that may be one child. */
@Path("/")
@RolesAllowed("safeguarding-lead")
@Produces(MediaType.TEXT_HTML)
public class Work {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance flags(Person person, Flags flags, String done, String failedFlag,
                                             Map<String, String> errors, String reasonError);

        static native TemplateInstance review(Person person, Queue queue, String done, String failedCandidate,
                                              Map<String, String> errors, String decisionError, String reasonError);
    }

    /** A flag as the list shows it: in full, or its headline; acknowledgeable when open and seen in full. */
    public record Flag(String flagId, String childId, String child, String rule, String raisedAt, String status, String agencies,
                       String summary, boolean headline, String acknowledgedBy, String acknowledgeReason) {
        public boolean open() {
            return "open".equals(status);
        }
    }

    /** A pair of records that may be one child, side by side with the evidence for and against. */
    public record Candidate(String candidateId, String childId, String otherChildId, int percent, String why,
                            String reasons, String against, List<String> child, List<String> otherChild) {
    }

    /** Why a pair is in the queue, as the filter offers it: the API's reason and its words. */
    public record Reason(String value, String label) {
    }

    /** Every reason a pair can be queued for, in the order a lead should look at them. */
    public static final List<Reason> REASONS = List.of(
            new Reason("nhs-number-conflict", "The same NHS number, but the names or date of birth disagree"),
            new Reason("conflicting-keys", "The NHS number points to one record and the names to another"),
            new Reason("same-names-and-birth", "The same names and date of birth, and nothing else in common"),
            new Reason("likely-match", "Likely the same child"));

    /** One page of the queue: its candidates, the reason it is filtered by (or none), and the next page's cursor. */
    public record Queue(List<Candidate> candidates, String reason, List<Reason> reasons, String next, String childId) {
    }

    static String reasonLabel(String value) {
        return REASONS.stream().filter(r -> r.value().equals(value)).map(Reason::label).findFirst().orElse("Likely the same child");
    }

    private final Person person;
    private final ConcernApi concerns;
    private final Csrf csrf;
    private final Agencies agencyDirectory;
    private final ChildNames childNames;

    public Work(Person person, @RestClient ConcernApi concerns, Csrf csrf, Agencies agencyDirectory, ChildNames childNames) {
        this.agencyDirectory = agencyDirectory;
        this.childNames = childNames;
        this.person = person;
        this.concerns = concerns;
        this.csrf = csrf;
    }

    @GET
    @Path("flags")
    public TemplateInstance flags(@QueryParam("done") String done, @QueryParam("status") String status,
                                  @QueryParam("childId") String childId, @QueryParam("page") String page) {
        return Templates.flags(person, flagList(status, childId, page), done, null, Map.of(), null);
    }

    @POST
    @Path("flags/{flagId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object acknowledge(@PathParam("flagId") String flagId, @FormParam(Csrf.FIELD) String token,
                              @FormParam("reason") String reason) {
        csrf.check(token);
        try {
            concerns.acknowledgeFlag(flagId, Map.of("reason", reason == null ? "" : reason));
        } catch (WebApplicationException e) {
            if (Problems.status(e) != 400 && Problems.status(e) != 409) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            Problems.Refusal refusal = Problems.refusal(e);
            refusal.fields().forEach((f, m) -> errors.put("reason-" + flagId, org.joinedup.console.forms.Messages.say(
                    org.joinedup.console.forms.Messages.Field.typed("reason", "What you are doing about it"),
                    refusal.rules().getOrDefault(f, ""), m)));
            if (errors.isEmpty()) {
                errors.put("reason-" + flagId, "This flag has already been acknowledged or cleared");
            }
            return Response.status(400).entity(Templates.flags(person, flagList(null, null, null), null, flagId, errors,
                    errors.get("reason-" + flagId))).build();
        }
        return Response.seeOther(URI.create("/flags?done=acknowledged&status=acknowledged")).build();
    }

    @GET
    @Path("review")
    public Object review(@QueryParam("done") String done, @QueryParam("reason") String reason,
                         @QueryParam("after") String after, @QueryParam("childId") String childId) {
        String wanted = REASONS.stream().map(Reason::value).filter(v -> v.equals(reason)).findFirst().orElse(null);
        String child = childId(childId);
        if ((reason != null && !reason.isBlank() && wanted == null) || (childId != null && !childId.isBlank() && child == null)) {
            return Response.seeOther(URI.create("/review")).build();
        }
        Queue queue = queue(wanted, after, child);
        if (queue == null) {
            // A cursor the service does not recognise (an old or altered address): the first page instead.
            return Response.seeOther(URI.create(wanted == null ? "/review" : "/review?reason=" + wanted)).build();
        }
        return Templates.review(person, queue, done, null, Map.of(), null, null);
    }

    @POST
    @Path("review/{candidateId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decide(@PathParam("candidateId") String candidateId, @FormParam(Csrf.FIELD) String token,
                         @FormParam("decision") String decision, @FormParam("reason") String reason) {
        csrf.check(token);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"link".equals(decision) && !"dismiss".equals(decision)) {
            errors.put("decision-" + candidateId, "Choose whether these records are the same child");
        }
        if (errors.isEmpty()) {
            try {
                if ("link".equals(decision)) {
                    JsonNode c = concerns.candidate(candidateId);
                    concerns.link(Map.of("childId", c.path("child").path("childId").asText(),
                            "linkedChildId", c.path("otherChild").path("childId").asText(), "candidateId", candidateId,
                            "reason", reason == null ? "" : reason));
                } else {
                    concerns.dismiss(candidateId, Map.of("reason", reason == null ? "" : reason));
                }
                return Response.seeOther(URI.create("/review?done=" + ("link".equals(decision) ? "linked" : "dismissed")))
                        .build();
            } catch (WebApplicationException e) {
                if (Problems.status(e) != 400 && Problems.status(e) != 409 && Problems.status(e) != 422) {
                    throw e;
                }
                Problems.fieldErrors(e).forEach((f, m) -> errors.put("reason-" + candidateId, Labels.sentence(m)));
                if (errors.isEmpty()) {
                    errors.put("reason-" + candidateId, "This pair has already been decided");
                }
            }
        }
        return Response.status(400).entity(Templates.review(person, queue(null, null, null), null, candidateId, errors,
                errors.get("decision-" + candidateId), errors.get("reason-" + candidateId))).build();
    }

    /** Flags per page. */
    static final int FLAGS_PER_PAGE = 20;
    static final List<String> FLAG_STATUSES = List.of("open", "acknowledged", "cleared", "all");

    /** A page of flags, open ones by default, about one child if asked, with the filter and the paging. */
    public record Flags(List<Flag> flags, String status, String childId, String child, int page, int pages, int total) {
        public boolean isEmpty() {
            return flags.isEmpty();
        }
    }

    private Flags flagList(String status, String childId, String page) {
        String wanted = status != null && FLAG_STATUSES.contains(status) ? status : "open";
        String child = null;
        if (childId != null && !childId.isBlank()) {
            try {
                child = java.util.UUID.fromString(childId.strip()).toString();
            } catch (IllegalArgumentException e) {
                child = null;
            }
        }
        JsonNode found = child == null ? concerns.flags("all".equals(wanted) ? null : wanted, 1000)
                : concerns.flagsOf(child, "all".equals(wanted) ? null : wanted, 1000);
        int pages = Math.max(1, (found.size() + FLAGS_PER_PAGE - 1) / FLAGS_PER_PAGE);
        int p = 1;
        try {
            p = page == null || page.isBlank() ? 1 : Math.min(pages, Math.max(1, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            p = 1;
        }
        List<Flag> flags = new ArrayList<>();
        for (int i = (p - 1) * FLAGS_PER_PAGE; i < Math.min(found.size(), p * FLAGS_PER_PAGE); i++) {
            JsonNode f = found.get(i);
            List<String> agencies = new ArrayList<>();
            f.path("agencies").forEach(a -> agencies.add(agencyDirectory.name(a.asText())));
            flags.add(new Flag(f.path("flagId").asText(), f.path("childId").asText(), childNames.of(f.path("childId").asText()),
                    Labels.words(f.path("rule").asText()),
                    ChronologyView.when(f.path("raisedAt").asText(null)), f.path("status").asText(),
                    String.join(", ", agencies), f.path("summary").asText(null),
                    "headline".equals(f.path("visibility").asText()), f.path("acknowledgedBy").asText(null),
                    f.path("acknowledgeReason").asText(null)));
        }
        return new Flags(flags, wanted, child, child == null ? null : childNames.of(child), p, pages, found.size());
    }

    /** A page of the queue, or null when the service refuses the cursor. */
    private Queue queue(String reason, String after, String childId) {
        JsonNode page;
        String next = null;
        try (Response response = concerns.candidates("open", reason, childId,
                after == null || after.isBlank() ? null : after, 25)) {
            page = response.readEntity(JsonNode.class);
            String link = response.getHeaderString("Link");
            if (link != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]after=([^&>]+)").matcher(link);
                next = m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
            }
        } catch (WebApplicationException e) {
            if (Problems.status(e) == 400) {
                return null;
            }
            throw e;
        }
        List<Candidate> found = new ArrayList<>();
        for (JsonNode c : page) {
            List<String> reasons = new ArrayList<>();
            c.path("reasons").forEach(r -> reasons.add(r.asText()));
            List<String> against = new ArrayList<>();
            c.path("against").forEach(r -> against.add(r.asText()));
            found.add(new Candidate(c.path("candidateId").asText(), c.path("child").path("childId").asText(),
                    c.path("otherChild").path("childId").asText(), (int) Math.round(c.path("score").asDouble() * 100),
                    reasonLabel(c.path("reason").asText()), Labels.sentence(String.join("; ", reasons)),
                    against.isEmpty() ? null : Labels.sentence(String.join("; ", against)),
                    identifications(c.path("child")), identifications(c.path("otherChild"))));
        }
        return new Queue(found, reason, REASONS, next, childId);
    }

    /** A child id from the address, or null when there is none or it is not an id. */
    private static String childId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> identifications(JsonNode record) {
        List<String> ids = new ArrayList<>();
        record.path("identifications").forEach(i -> ids.add(Pages.identification(i)));
        return ids.stream().distinct().toList();
    }
}
