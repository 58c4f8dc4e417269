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
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.RiskLevel;
import org.joinedup.events.concern.WellbeingIndicator;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.joinedup.console.forms.Fields.blank;
import static org.joinedup.console.forms.Fields.put;

/** A practitioner's pages: raising a concern, and a child as their agency may see it. */
@Path("/")
@RolesAllowed("practitioner")
@Produces(MediaType.TEXT_HTML)
public class Practice {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance raise(Person person, ConcernForm form, Map<String, String> errors,
                                             List<Pages.Option> categories, List<Pages.Option> indicators,
                                             List<Pages.Option> risks);

        static native TemplateInstance agencyView(Person person, String childId, String basis, List<Concern> concerns,
                                                  List<Involvement> involvement, int flags, boolean raised);
    }

    /** The form as the person filled it in, to show again with its errors. */
    public record ConcernForm(String nhsNumber, String familyName, String givenName, String dobDay, String dobMonth,
                              String dobYear, String postcode, String category, List<String> indicators, String riskLevel,
                              String description, String childsVoice, String occurredDay, String occurredMonth,
                              String occurredYear, String occurredTime) {
        /** When it happened, as typed in the date input's three boxes. */
        public org.joinedup.console.forms.DateParts occurred() {
            return new org.joinedup.console.forms.DateParts(occurredDay, occurredMonth, occurredYear);
        }
    }

    /** The form's fields by the API's field names, in the form's order, with their labels for the messages. */
    static final Map<String, org.joinedup.console.forms.Messages.Field> MESSAGES = org.joinedup.console.forms.Messages.form(
            "child.nhsNumber", org.joinedup.console.forms.Messages.Field.typed("nhsNumber", "NHS number"),
            "child.familyName", org.joinedup.console.forms.Messages.Field.typed("familyName", "Family name"),
            "child.givenName", org.joinedup.console.forms.Messages.Field.typed("givenName", "Given name"),
            "child.dateOfBirth", org.joinedup.console.forms.Messages.Field.typed("dateOfBirth", "Date of birth"),
            "child.postcode", org.joinedup.console.forms.Messages.Field.typed("postcode", "Postcode"),
            "child", org.joinedup.console.forms.Messages.Field.typed("nhsNumber", "The child's NHS number, or names and date of birth"),
            "category", org.joinedup.console.forms.Messages.Field.chosen("category", "The kind of concern"),
            "wellbeingIndicators", org.joinedup.console.forms.Messages.Field.chosen("indicators", "The wellbeing indicators"),
            "riskLevel", org.joinedup.console.forms.Messages.Field.chosen("riskLevel", "The risk"),
            "description", org.joinedup.console.forms.Messages.Field.typed("description", "What happened"),
            "childsVoice", org.joinedup.console.forms.Messages.Field.typed("childsVoice", "What the child said"),
            "occurredAt", org.joinedup.console.forms.Messages.Field.typed("occurred", "When it happened"));

    /** A concern the agency may read in full. */
    public record Concern(String title, String occurredAt, String agency, String text, String childsVoice, String status) {
    }

    /** Another agency's concern: who holds it, what kind, when, whom to call. */
    public record Involvement(String agency, String category, String occurredAt, String whomToCall) {
    }

    private final Person person;
    private final ConcernApi concerns;
    private final Csrf csrf;

    @jakarta.inject.Inject
    Agencies agencyNames;

    public Practice(Person person, @RestClient ConcernApi concerns, Csrf csrf) {
        this.person = person;
        this.concerns = concerns;
        this.csrf = csrf;
    }

    @GET
    @Path("concerns/new")
    public TemplateInstance form() {
        return page(new ConcernForm(null, null, null, null, null, null, null, null, List.of(), null, null, null, null, null,
                null, null), Map.of());
    }

    @POST
    @Path("concerns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object raise(@FormParam(Csrf.FIELD) String token, @FormParam("nhsNumber") String nhsNumber,
                        @FormParam("familyName") String familyName, @FormParam("givenName") String givenName,
                        @FormParam("dobDay") String day, @FormParam("dobMonth") String month, @FormParam("dobYear") String year,
                        @FormParam("postcode") String postcode, @FormParam("category") String category,
                        @FormParam("indicators") List<String> indicators, @FormParam("riskLevel") String riskLevel,
                        @FormParam("description") String description, @FormParam("childsVoice") String childsVoice,
                        @FormParam("occurred-day") String occurredDay, @FormParam("occurred-month") String occurredMonth,
                        @FormParam("occurred-year") String occurredYear, @FormParam("occurred-time") String occurredTime) {
        csrf.check(token);
        ConcernForm form = new ConcernForm(nhsNumber, familyName, givenName, day, month, year, postcode, category,
                indicators == null ? List.of() : indicators, riskLevel, description, childsVoice, occurredDay, occurredMonth,
                occurredYear, occurredTime);
        // What the console itself reads (dates) is checked here, but the request still goes to the service with
        // what was typed, so that the service names every other broken rule in the same answer: one submit, every error.
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> child = new LinkedHashMap<>();
        put(child, "nhsNumber", nhsNumber);
        put(child, "familyName", familyName);
        put(child, "givenName", givenName);
        put(child, "postcode", postcode);
        org.joinedup.console.forms.DateParts dob = new org.joinedup.console.forms.DateParts(day, month, year);
        if (!dob.blank()) {
            String problem = dob.problem("Date of birth");
            if (problem != null) {
                errors.put("dateOfBirth", problem);
            }
            child.put("dateOfBirth", dob.iso());
        }
        org.joinedup.console.forms.Moment when = new org.joinedup.console.forms.Moment(form.occurred(),
                blank(occurredTime) ? "12:00" : occurredTime);
        String occurredAt = when.instant();
        if (!form.occurred().blank() || !blank(occurredTime)) {
            String problem = when.problem("When it happened");
            if (problem != null) {
                errors.put("occurred", problem.replace("must include a time, like 14:30", "must be a date"));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("child", child);
        put(body, "category", category);
        body.put("wellbeingIndicators", form.indicators());
        put(body, "riskLevel", riskLevel);
        put(body, "description", description);
        put(body, "childsVoice", childsVoice);
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        JsonNode raised;
        try {
            raised = concerns.raise(body);
        } catch (WebApplicationException e) {
            if (Problems.status(e) != 400 && Problems.status(e) != 422) {
                throw e;
            }
            Map<String, String> said = new LinkedHashMap<>(org.joinedup.console.forms.Messages.of(Problems.refusal(e), MESSAGES));
            said.putAll(errors);
            return Response.status(400).entity(page(form, said)).build();
        }
        return Response.seeOther(URI.create("/children/" + raised.path("childId").asText() + "/concerns?raised=true")).build();
    }

    @GET
    @Path("children/{childId}/concerns")
    public TemplateInstance agencyView(@PathParam("childId") String childId, @QueryParam("raised") String raised) {
        JsonNode view = concerns.agencyView(java.util.UUID.fromString(childId).toString());
        List<Concern> mine = new ArrayList<>();
        for (JsonNode c : view.path("concerns")) {
            mine.add(new Concern(Labels.words(c.path("category").asText()), ChronologyView.when(c.path("occurredAt").asText(null)),
                    agencyNames.name(c.path("agencyId").asText()), c.path("description").asText(null), c.path("childsVoice").asText(null),
                    c.path("status").asText()));
        }
        List<Involvement> others = new ArrayList<>();
        for (JsonNode h : view.path("involvement")) {
            JsonNode w = h.path("whomToCall");
            others.add(new Involvement(w.path("name").asText(agencyNames.name(h.path("agencyId").asText())), Labels.words(h.path("category").asText()),
                    ChronologyView.when(h.path("occurredAt").asText(null)),
                    String.join(", ", java.util.stream.Stream.of(w.path("mailbox").asText(null), w.path("phone").asText(null))
                            .filter(s -> s != null && !s.isBlank()).toList())));
        }
        return Templates.agencyView(person, childId, Pages.basis(view.path("basis").asText()), mine, others,
                view.path("flags").size(), "true".equals(raised));
    }

    private TemplateInstance page(ConcernForm form, Map<String, String> errors) {
        List<Pages.Option> categories = Arrays.stream(ConcernCategory.values()).map(WireNamed::wireName)
                .map(c -> new Pages.Option(c, Labels.words(c), c.equals(form.category()))).toList();
        List<Pages.Option> indicators = Arrays.stream(WellbeingIndicator.values()).map(WireNamed::wireName)
                .map(i -> new Pages.Option(i, Labels.words(i), form.indicators().contains(i))).toList();
        List<Pages.Option> risks = Arrays.stream(RiskLevel.values()).map(WireNamed::wireName)
                .map(r -> new Pages.Option(r, Labels.words(r), r.equals(form.riskLevel()))).toList();
        return Templates.raise(person, form, errors, categories, indicators, risks);
    }
}
