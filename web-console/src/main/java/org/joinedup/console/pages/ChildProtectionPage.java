package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.Problems;
import org.joinedup.console.api.ReferralApi;
import org.joinedup.console.forms.Csrf;
import org.joinedup.console.forms.DateParts;
import org.joinedup.console.forms.Fields;
import org.joinedup.console.forms.Messages;
import org.joinedup.console.forms.Moment;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child protection pathway in the console, for the child's local authority: the episodes with their stage
 * and clocks, and each step as a form: the strategy discussion (who took part and what each brought), the
 * section 47 enquiry's outcome, the initial conference and the plan, the core group, review conferences, and
 * the plan's end. The service decides who may record each (403 statutory-duty for any other agency).
 */
@Path("/")
@RolesAllowed({"practitioner", "safeguarding-lead"})
@Produces(MediaType.TEXT_HTML)
public class ChildProtectionPage {
    /** A choice on a form. */
    public record Choice(String value, String label, String hint, boolean selected) {
    }

    /** An episode as the page shows it, with the step it is waiting for. */
    public record Episode(String episodeId, String stage, String strategy, String enquiry, String conference, String plan,
                          String leadSocialWorker, List<String> coreGroups, List<String> reviews, String ended,
                          List<String> deadlines, List<String> overdue, String nextStep, String nextStepText, int version) {
    }

    /** What was typed or chosen, by field name; several values for checkboxes. */
    public record Form(MultivaluedMap<String, String> values) {
        public String get(String field) {
            String v = values == null ? null : values.getFirst(field);
            return v == null ? "" : v;
        }

        public boolean has(String field, String value) {
            return values != null && values.getOrDefault(field, List.of()).contains(value);
        }

        public String information(String agency) {
            return get("information-" + agency);
        }

        public DateParts date(String field) {
            return new DateParts(get(field + "-day"), get(field + "-month"), get(field + "-year"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance episodes(Person person, CaseSummary summary, List<Episode> episodes);

        static native TemplateInstance step(Person person, CaseSummary summary, String step, String episodeId, int version,
                                            Form form, Map<String, String> errors, String refusal, List<Choice> choices,
                                            String choiceField, List<Choice> agencies, List<Choice> categories);

        static native TemplateInstance recorded(Person person, CaseSummary summary, String title, String next);
    }

    static final List<String> STEPS = List.of("enquiry-outcome", "initial-conference", "core-group", "review-conference",
            "plan-end");

    private static final Map<String, Map<String, Messages.Field>> FIELDS = Map.of(
            "strategy-discussion", Messages.form("heldAt", Messages.Field.typed("heldAt", "When it was held"),
                    "attendance", Messages.Field.chosen("attendance", "The agencies that took part"),
                    "decision", Messages.Field.chosen("decision", "The decision"),
                    "reason", Messages.Field.typed("reason", "Why")),
            "enquiry-outcome", Messages.form("outcome", Messages.Field.chosen("outcome", "What the enquiry found"),
                    "summary", Messages.Field.typed("summary", "A summary of the enquiry")),
            "initial-conference", Messages.form("heldAt", Messages.Field.typed("heldAt", "When it was held"),
                    "agencies", Messages.Field.chosen("agencies", "The agencies that attended"),
                    "categories", Messages.Field.chosen("categories", "The plan's categories"),
                    "leadSocialWorker", Messages.Field.typed("leadSocialWorker", "The lead social worker")),
            "core-group", Messages.form("heldAt", Messages.Field.typed("heldAt", "When it met"),
                    "agencies", Messages.Field.chosen("agencies", "The agencies that attended")),
            "review-conference", Messages.form("heldAt", Messages.Field.typed("heldAt", "When it was held"),
                    "decision", Messages.Field.chosen("decision", "The decision"),
                    "categories", Messages.Field.chosen("categories", "The plan's categories")),
            "plan-end", Messages.form("reason", Messages.Field.chosen("reason", "Why the plan ends"),
                    "note", Messages.Field.typed("note", "A note")));

    private final Person person;
    private final ReferralApi referrals;
    private final Agencies agencies;
    private final CaseSummaries summaries;
    private final Csrf csrf;

    public ChildProtectionPage(Person person, @RestClient ReferralApi referrals, Agencies agencies, CaseSummaries summaries,
                               Csrf csrf) {
        this.person = person;
        this.referrals = referrals;
        this.agencies = agencies;
        this.summaries = summaries;
        this.csrf = csrf;
    }

    @GET
    @Path("children/{childId}/child-protection")
    public TemplateInstance episodes(@PathParam("childId") String childId) {
        String child = Casework.uuid(childId);
        List<Episode> shown = new ArrayList<>();
        for (JsonNode e : referrals.episodes(child).path("episodes")) {
            if ("full".equals(e.path("visibility").asText())) {
                shown.add(episode(e));
            }
        }
        return Templates.episodes(person, summaries.of(child, List.of()), shown);
    }

    @GET
    @Path("children/{childId}/child-protection/strategy-discussion")
    public TemplateInstance strategyForm(@PathParam("childId") String childId) {
        String child = Casework.uuid(childId);
        return step(child, "strategy-discussion", null, 0, new Form(null), Map.of(), null);
    }

    @GET
    @Path("children/{childId}/child-protection/{episodeId}/{step: enquiry-outcome|initial-conference|core-group|review-conference|plan-end}")
    public TemplateInstance stepForm(@PathParam("childId") String childId, @PathParam("episodeId") String episodeId,
                                     @PathParam("step") String step) {
        String child = Casework.uuid(childId);
        JsonNode e = episode(child, Casework.uuid(episodeId));
        return step(child, step, e.path("episodeId").asText(), e.path("version").asInt(), new Form(null), Map.of(), null);
    }

    @POST
    @Path("children/{childId}/child-protection/strategy-discussion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object strategy(@PathParam("childId") String childId, MultivaluedMap<String, String> posted) {
        csrf.check(posted.getFirst(Csrf.FIELD));
        String child = Casework.uuid(childId);
        Form form = new Form(posted);
        Map<String, String> dateErrors = new LinkedHashMap<>();
        Map<String, Object> body = new HashMap<>();
        body.put("childId", child);
        moment(body, dateErrors, form, "heldAt", "When it was held");
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (String agency : posted.getOrDefault("attendance", List.of())) {
            Map<String, Object> present = new HashMap<>();
            present.put("agencyId", agency);
            present.put("attended", true);
            Fields.put(present, "information", form.get("information-" + agency));
            attendance.add(present);
        }
        if (!attendance.isEmpty()) {
            body.put("attendance", attendance);
        }
        Fields.put(body, "decision", form.get("decision"));
        Fields.put(body, "reason", form.get("reason"));
        String triage = strategyTriage(child);
        if (triage != null) {
            body.put("triageId", triage);
        }
        try {
            referrals.strategyDiscussion(body);
        } catch (WebApplicationException ex) {
            return refused(ex, child, "strategy-discussion", null, 0, form, dateErrors);
        }
        return Response.seeOther(URI.create("/children/" + child + "/child-protection/recorded/strategy-discussion")).build();
    }

    @POST
    @Path("children/{childId}/child-protection/{episodeId}/{step: enquiry-outcome|initial-conference|core-group|review-conference|plan-end}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object record(@PathParam("childId") String childId, @PathParam("episodeId") String episodeId,
                         @PathParam("step") String step, MultivaluedMap<String, String> posted) {
        csrf.check(posted.getFirst(Csrf.FIELD));
        String child = Casework.uuid(childId);
        String episode = Casework.uuid(episodeId);
        Form form = new Form(posted);
        Map<String, String> dateErrors = new LinkedHashMap<>();
        Map<String, Object> body = new HashMap<>();
        switch (step) {
            case "enquiry-outcome" -> {
                Fields.put(body, "outcome", form.get("outcome"));
                Fields.put(body, "summary", form.get("summary"));
            }
            case "initial-conference" -> {
                moment(body, dateErrors, form, "heldAt", "When it was held");
                body.put("agencies", posted.getOrDefault("agencies", List.of()));
                body.put("parentsAttended", "yes".equals(form.get("parentsAttended")));
                body.put("childAttended", "yes".equals(form.get("childAttended")));
                body.put("categories", posted.getOrDefault("categories", List.of()));
                Fields.put(body, "leadSocialWorker", form.get("leadSocialWorker"));
            }
            case "core-group" -> {
                moment(body, dateErrors, form, "heldAt", "When it met");
                body.put("agencies", posted.getOrDefault("agencies", List.of()));
            }
            case "review-conference" -> {
                moment(body, dateErrors, form, "heldAt", "When it was held");
                Fields.put(body, "decision", form.get("decision"));
                body.put("categories", posted.getOrDefault("categories", List.of()));
            }
            default -> {
                Fields.put(body, "reason", form.get("reason"));
                Fields.put(body, "note", form.get("note"));
            }
        }
        String version = form.get("version");
        try {
            referrals.episodeStep(episode, step, version.isBlank() ? null : "\"" + version.strip() + "\"", body);
        } catch (WebApplicationException ex) {
            JsonNode e = episode(child, episode);
            return refused(ex, child, step, episode, e.path("version").asInt(), form, dateErrors);
        }
        return Response.seeOther(URI.create("/children/" + child + "/child-protection/recorded/" + step)).build();
    }

    @GET
    @Path("children/{childId}/child-protection/recorded/{step: strategy-discussion|enquiry-outcome|initial-conference|core-group|review-conference|plan-end}")
    public TemplateInstance recorded(@PathParam("childId") String childId, @PathParam("step") String step) {
        String child = Casework.uuid(childId);
        String[] said = switch (step) {
            case "strategy-discussion" -> new String[] {"Strategy discussion recorded",
                    "If it decided a section 47 enquiry, record the enquiry's outcome when it concludes. The agencies that took "
                            + "part see the episode."};
            case "enquiry-outcome" -> new String[] {"Enquiry outcome recorded",
                    "Where the risk continues, the initial child protection conference is due within 15 working days of the "
                            + "strategy discussion."};
            case "initial-conference" -> new String[] {"Conference recorded",
                    "With a plan: the core group first meets within 10 working days, and the first review conference is "
                            + "within 3 months. An emergency department that looks the child up now learns of the plan."};
            case "core-group" -> new String[] {"Core group meeting recorded", "The core group's clock has stopped."};
            case "review-conference" -> new String[] {"Review conference recorded",
                    "A continuing plan is reviewed again within 6 months."};
            default -> new String[] {"Plan ended", "The child's status no longer shows a child protection plan."};
        };
        return Templates.recorded(person, summaries.of(child, List.of()), said[0], said[1]);
    }

    private Object refused(WebApplicationException ex, String child, String step, String episodeId, int version, Form form,
                           Map<String, String> dateErrors) {
        int status = Problems.status(ex);
        if (status != 400 && status != 403 && status != 409 && status != 412 && status != 422) {
            throw ex;
        }
        Problems.Refusal refusal = Problems.refusal(ex);
        Map<String, String> errors = new LinkedHashMap<>(Messages.of(refusal, FIELDS.get(step)));
        errors.putAll(dateErrors);
        String said = switch (status) {
            case 412 -> "Someone changed this episode while you were recording. Read it again, then record the step.";
            case 403 -> "Only the child's local authority children's social care records this step.";
            default -> errors.isEmpty() ? Labels.sentence(refusal.detail() != null ? refusal.detail() : refusal.title()) : null;
        };
        return Response.status(status == 422 ? 400 : status).entity(step(child, step, episodeId, version, form, errors, said))
                .build();
    }

    private TemplateInstance step(String child, String step, String episodeId, int version, Form form,
                                  Map<String, String> errors, String refusal) {
        List<Choice> choices = switch (step) {
            case "strategy-discussion" -> List.of(
                    choice(form, "decision", "section-47-enquiry", "Section 47 enquiry", "Reasonable cause to suspect significant harm"),
                    choice(form, "decision", "child-in-need-assessment", "Child in need assessment", "Section 17"),
                    choice(form, "decision", "no-further-action", "No further action", ""));
            case "enquiry-outcome" -> List.of(
                    choice(form, "outcome", "substantiated-continuing-risk", "Substantiated, the risk continues",
                            "An initial child protection conference follows"),
                    choice(form, "outcome", "substantiated-no-continuing-risk", "Substantiated, no continuing risk", ""),
                    choice(form, "outcome", "not-substantiated", "Not substantiated", ""));
            case "review-conference" -> List.of(
                    choice(form, "decision", "continue-plan", "Continue the plan", "Choose its categories below"),
                    choice(form, "decision", "end-plan", "End the plan", "The child no longer needs it"));
            case "plan-end" -> List.of(
                    choice(form, "reason", "moved-area", "The child moved to another area", "Their new local authority takes over"),
                    choice(form, "reason", "turned-eighteen", "The child turned 18", ""));
            default -> List.of();
        };
        String agencyField = "strategy-discussion".equals(step) ? "attendance" : "agencies";
        List<Choice> agencyChoices = new ArrayList<>();
        agencies.names().forEach((id, name) -> agencyChoices.add(new Choice(id, name, null, form.has(agencyField, id))));
        List<Choice> categories = java.util.Arrays.stream(org.joinedup.events.protection.ProtectionVocabulary.PlanCategory.values())
                .map(c -> new Choice(c.wireName(), Labels.words(c.wireName()), null, form.has("categories", c.wireName())))
                .toList();
        String choiceField = switch (step) {
            case "enquiry-outcome" -> "outcome";
            case "plan-end" -> "reason";
            default -> "decision";
        };
        return Templates.step(person, summaries.of(child, List.of()), step, episodeId, version, form, errors, refusal, choices,
                choiceField, agencyChoices, categories);
    }

    private static Choice choice(Form form, String field, String value, String label, String hint) {
        return new Choice(value, label, hint, value.equals(form.get(field)));
    }

    /** The strategy discussion's heldAt (or another moment) into the body; what is wrong with it into the errors. */
    private static void moment(Map<String, Object> body, Map<String, String> errors, Form form, String field, String label) {
        Moment m = new Moment(form.date(field), form.get(field + "-time"));
        String problem = m.problem(label);
        if (problem != null) {
            errors.put(field, problem);
        }
        String instant = m.instant();
        if (instant != null) {
            body.put(field, instant);
        }
    }

    /** The front door's decided triage item about the child that led to this discussion, if there is one. */
    private String strategyTriage(String child) {
        try {
            for (JsonNode t : referrals.triage("decided", child, 20).path("items")) {
                if ("strategy-discussion".equals(t.path("decision").path("outcome").asText())) {
                    return t.path("triageId").asText();
                }
            }
        } catch (WebApplicationException e) {
            return null;
        }
        return null;
    }

    private JsonNode episode(String child, String episodeId) {
        for (JsonNode e : referrals.episodes(child).path("episodes")) {
            if (episodeId.equals(e.path("episodeId").asText()) && "full".equals(e.path("visibility").asText())) {
                return e;
            }
        }
        throw new jakarta.ws.rs.NotFoundException();
    }

    private Episode episode(JsonNode e) {
        String stage = e.path("stage").asText();
        JsonNode s = e.path("strategyDiscussion");
        List<String> present = new ArrayList<>();
        s.path("attendance").forEach(a -> present.add(agencies.name(a.path("agencyId").asText())));
        String strategy = ChronologyView.when(s.path("heldAt").asText(null)) + ": " + Labels.words(s.path("decision").asText())
                + (present.isEmpty() ? "" : " (" + String.join(", ", present) + ")");
        JsonNode q = e.path("enquiry");
        String enquiry = q.isObject() ? Labels.words(q.path("outcome").asText()) + ", " + ChronologyView.when(q.path("concludedAt").asText(null)) : null;
        JsonNode c = e.path("initialConference");
        String conference = c.isObject() ? ChronologyView.when(c.path("heldAt").asText(null)) + ": " + Labels.words(c.path("decision").asText()) : null;
        List<String> categories = new ArrayList<>();
        e.path("categories").forEach(x -> categories.add(Labels.words(x.asText()).toLowerCase(java.util.Locale.ROOT)));
        String plan = e.path("planSince").isTextual() ? "Since " + ChronologyView.when(e.path("planSince").asText())
                + (categories.isEmpty() ? "" : ": " + String.join(", ", categories)) : null;
        List<String> cores = new ArrayList<>();
        e.path("coreGroups").forEach(g -> cores.add(ChronologyView.when(g.path("heldAt").asText(null))));
        List<String> reviews = new ArrayList<>();
        e.path("reviewConferences").forEach(r -> reviews.add(ChronologyView.when(r.path("heldAt").asText(null)) + ": "
                + Labels.words(r.path("decision").asText())));
        JsonNode end = e.path("ended");
        List<String> deadlines = new ArrayList<>();
        if (e.path("conferenceDueBy").isTextual()) {
            deadlines.add("Initial conference by " + ChronologyView.deadline(e.path("conferenceDueBy").asText()));
        }
        if (e.path("coreGroupDueBy").isTextual()) {
            deadlines.add("First core group by " + ChronologyView.deadline(e.path("coreGroupDueBy").asText()));
        }
        if (e.path("nextReviewDueBy").isTextual()) {
            deadlines.add("Next review conference by " + Casework.day(e.path("nextReviewDueBy").asText()));
        }
        List<String> overdue = new ArrayList<>();
        e.path("overdue").forEach(o -> overdue.add(Labels.words(o.asText())));
        String[] next = switch (stage) {
            case "section-47-enquiry" -> new String[] {"enquiry-outcome", "Record the enquiry's outcome"};
            case "awaiting-initial-conference" -> new String[] {"initial-conference", "Record the initial conference"};
            case "child-protection-plan" -> e.path("coreGroups").isEmpty()
                    ? new String[] {"core-group", "Record the core group's first meeting"}
                    : new String[] {"review-conference", "Record a review conference"};
            default -> new String[] {null, null};
        };
        return new Episode(e.path("episodeId").asText(), Labels.words(stage), strategy, enquiry, conference, plan,
                e.path("leadSocialWorker").asText(null), cores, reviews,
                end.isObject() ? Labels.words(end.path("reason").asText()) + ", " + ChronologyView.when(end.path("endedAt").asText(null)) : null,
                deadlines, overdue, next[0], next[1], e.path("version").asInt());
    }
}
