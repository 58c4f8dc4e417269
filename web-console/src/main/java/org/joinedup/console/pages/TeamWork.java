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
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.WellbeingIndicator;
import org.joinedup.events.team.WellbeingLevel;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The Team Around the Child's work as forms, one thing per page: form the team, add a member (parents and
 * carers too), name the lead professional, agree an action and complete it, record a review with the
 * SHANARRI ratings. Each refused field is said beside it; each success ends on a page saying what happens next.
 */
@Path("/")
@RolesAllowed({"practitioner", "safeguarding-lead"})
@Produces(MediaType.TEXT_HTML)
public class TeamWork {
    /** A choice on a form. */
    public record Option(String value, String text, boolean selected) {
    }

    /** A SHANARRI indicator with the level chosen for it. */
    public record Rating(String indicator, String label, String level) {
    }

    /** What the person typed or chose on any of the team's forms, by field id. */
    public record Form(Map<String, String> values, Map<String, DateParts> dates, List<String> chosen) {
        public String get(String field) {
            return values.getOrDefault(field, "");
        }

        public DateParts date(String field) {
            return dates.getOrDefault(field, DateParts.EMPTY);
        }

        public boolean isChosen(String value) {
            return chosen.contains(value);
        }

        static Form empty() {
            return new Form(Map.of(), Map.of(), List.of());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Person person, CaseSummary summary, String what, Form form,
                                            Map<String, String> errors, String refusal, List<Option> agencies,
                                            List<Option> members, List<Option> practitioners, List<Rating> ratings,
                                            List<Option> levels, boolean assessment);

        static native TemplateInstance done(Person person, CaseSummary summary, String title, String next);
    }

    private static final Map<String, Map<String, Messages.Field>> FIELDS = Map.of(
            "new", Messages.form(
                    "members[0].agencyId", Messages.Field.chosen("leadAgency", "The lead professional's agency"),
                    "members[0].practitionerId", Messages.Field.typed("leadPractitionerId", "Their sign-in name"),
                    "members[0].name", Messages.Field.typed("leadName", "Their name"),
                    "members[0].role", Messages.Field.typed("leadRole", "Their role"),
                    "leadReason", Messages.Field.typed("leadReason", "Why they are the lead professional"),
                    "members[1].name", Messages.Field.typed("parentName", "The parent's or carer's name"),
                    "members[1].role", Messages.Field.typed("parentRole", "Who they are to the child"),
                    "reviewEveryWeeks", Messages.Field.chosen("reviewEveryWeeks", "How often the plan is reviewed")),
            "member", Messages.form(
                    "kind", Messages.Field.chosen("kind", "Who they are"),
                    "name", Messages.Field.typed("name", "Their name"),
                    "role", Messages.Field.typed("role", "Their role"),
                    "agencyId", Messages.Field.chosen("agencyId", "Their agency"),
                    "practitionerId", Messages.Field.typed("practitionerId", "Their sign-in name")),
            "lead-professional", Messages.form(
                    "memberId", Messages.Field.chosen("memberId", "The lead professional"),
                    "reason", Messages.Field.typed("reason", "Why them")),
            "action", Messages.form(
                    "description", Messages.Field.typed("description", "What is to be done"),
                    "ownerMemberId", Messages.Field.chosen("ownerMemberId", "Who does it"),
                    "dueOn", Messages.Field.typed("dueOn", "The date it is due")),
            "review", Messages.form(
                    "heldOn", Messages.Field.typed("heldOn", "The date of the review"),
                    "attendees", Messages.Field.chosen("attendees", "Who attended"),
                    "decisions", Messages.Field.typed("decisions", "What was decided"),
                    "nextReviewBy", Messages.Field.typed("nextReviewBy", "The date of the next review"),
                    "wellbeing", Messages.Field.chosen("wellbeing", "The ratings"),
                    "assessment", Messages.Field.chosen("assessment", "Whether the early help assessment still stands")));

    private final Person person;
    private final ReferralApi referrals;
    private final Agencies agencies;
    private final CaseSummaries summaries;
    private final Csrf csrf;

    public TeamWork(Person person, @RestClient ReferralApi referrals, Agencies agencies, CaseSummaries summaries, Csrf csrf) {
        this.person = person;
        this.referrals = referrals;
        this.agencies = agencies;
        this.summaries = summaries;
        this.csrf = csrf;
    }

    @GET
    @Path("children/{childId}/team/{what: new|member|lead-professional|action|review}")
    public TemplateInstance show(@PathParam("childId") String childId, @PathParam("what") String what) {
        String child = Casework.uuid(childId);
        JsonNode team = "new".equals(what) ? null : team(child);
        return page(child, what, team, Form.empty(), Map.of(), null);
    }

    @POST
    @Path("children/{childId}/team/{what: new|member|lead-professional|action|review}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@PathParam("childId") String childId, @PathParam("what") String what,
                         MultivaluedMap<String, String> posted) {
        csrf.check(posted.getFirst(Csrf.FIELD));
        String child = Casework.uuid(childId);
        JsonNode team = "new".equals(what) ? null : team(child);
        Map<String, String> values = new HashMap<>();
        posted.forEach((k, v) -> {
            if (!v.isEmpty() && !k.endsWith("-day") && !k.endsWith("-month") && !k.endsWith("-year")) {
                values.put(k, v.get(0));
            }
        });
        Map<String, DateParts> dates = new HashMap<>();
        for (String d : List.of("dueOn", "heldOn", "nextReviewBy")) {
            dates.put(d, new DateParts(posted.getFirst(d + "-day"), posted.getFirst(d + "-month"), posted.getFirst(d + "-year")));
        }
        List<String> chosen = posted.getOrDefault("attendees", List.of());
        Form form = new Form(values, dates, chosen);
        Map<String, String> dateErrors = new LinkedHashMap<>();
        try {
            switch (what) {
                case "new" -> referrals.formTeam(newTeam(child, form));
                case "member" -> referrals.addMember(teamId(team), member(form));
                case "lead-professional" -> {
                    Map<String, Object> body = new HashMap<>();
                    Fields.put(body, "memberId", form.get("memberId"));
                    Fields.put(body, "reason", form.get("reason"));
                    referrals.assignLead(teamId(team), body);
                }
                case "action" -> {
                    Map<String, Object> body = new HashMap<>();
                    Fields.put(body, "description", form.get("description"));
                    Fields.put(body, "ownerMemberId", form.get("ownerMemberId"));
                    date(body, dateErrors, form, "dueOn", "The date it is due", true);
                    referrals.agreeAction(teamId(team), body);
                }
                default -> referrals.reviewTeam(teamId(team), review(form, posted, dateErrors));
            }
        } catch (WebApplicationException e) {
            int status = Problems.status(e);
            if (status != 400 && status != 403 && status != 409 && status != 412 && status != 422) {
                throw e;
            }
            Problems.Refusal refusal = Problems.refusal(e);
            Map<String, String> errors = new LinkedHashMap<>(Messages.of(refusal, FIELDS.get(what)));
            errors.putAll(dateErrors);
            String said = errors.isEmpty() ? Labels.sentence(refusal.detail() != null ? refusal.detail() : refusal.title()) : null;
            return Response.status(status == 422 ? 400 : status).entity(page(child, what, team, form, errors, said)).build();
        }
        return Response.seeOther(URI.create("/children/" + child + "/team/done/" + what)).build();
    }

    @POST
    @Path("children/{childId}/team/actions/{actionId}/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("childId") String childId, @PathParam("actionId") String actionId,
                             @FormParam(Csrf.FIELD) String token, @FormParam("note") String note) {
        csrf.check(token);
        String child = Casework.uuid(childId);
        Map<String, Object> body = new HashMap<>();
        Fields.put(body, "note", note);
        referrals.completeAction(teamId(team(child)), Casework.uuid(actionId), body);
        return Response.seeOther(URI.create("/children/" + child + "/team/done/completed")).build();
    }

    @GET
    @Path("children/{childId}/team/done/{what}")
    public TemplateInstance done(@PathParam("childId") String childId, @PathParam("what") String what) {
        String child = Casework.uuid(childId);
        String[] said = switch (what) {
            case "new" -> new String[] {"Team Around the Child formed",
                    "Its members can see the plan. Agree the first actions, each with one owner and a due date."};
            case "member" -> new String[] {"Member added", "They can now see the team's plan and own actions in it."};
            case "lead-professional" -> new String[] {"Lead professional named",
                    "They coordinate the plan and are the family's one point of contact."};
            case "action" -> new String[] {"Action agreed", "Its owner sees it in their work; it is flagged if it passes its due date."};
            case "completed" -> new String[] {"Action completed", "The plan shows it done."};
            case "review" -> new String[] {"Review recorded",
                    "The ratings join the child's wellbeing over time; the next review is due by the date you set."};
            default -> throw new jakarta.ws.rs.NotFoundException();
        };
        return Templates.done(person, summaries.of(child, List.of()), said[0], said[1]);
    }

    private TemplateInstance page(String child, String what, JsonNode team, Form form, Map<String, String> errors,
                                  String refusal) {
        List<Option> agencyOptions = new ArrayList<>();
        String chosenAgency = "new".equals(what) ? form.get("leadAgency") : form.get("agencyId");
        agencies.names().forEach((id, name) -> agencyOptions.add(new Option(id, name, id.equals(chosenAgency))));
        List<Option> members = new ArrayList<>();
        List<Option> practitioners = new ArrayList<>();
        if (team != null) {
            for (JsonNode m : team.path("members")) {
                if (!m.path("active").asBoolean(true)) {
                    continue;
                }
                String id = m.path("memberId").asText();
                String name = Casework.memberName(m, agencies) + (m.path("agencyId").isTextual()
                        ? ", " + agencies.name(m.path("agencyId").asText()) : ", " + m.path("role").asText("parent or carer"));
                members.add(new Option(id, name, id.equals(form.get("ownerMemberId")) || form.isChosen(id)));
                if (m.path("agencyId").isTextual()) {
                    practitioners.add(new Option(id, name, id.equals(form.get("memberId"))));
                }
            }
        }
        List<Rating> ratings = Arrays.stream(WellbeingIndicator.values()).map(WireNamed::wireName)
                .map(i -> new Rating(i, Labels.words(i), form.get("rating-" + i))).toList();
        List<Option> levels = Arrays.stream(WellbeingLevel.values())
                .map(l -> new Option(l.wireName(), l.score() + ": " + Labels.words(l.wireName()), false)).toList();
        boolean assessment = team != null && team.path("assessmentId").isTextual();
        return Templates.form(person, summaries.of(child, List.of()), what, form, errors, refusal, agencyOptions, members,
                practitioners, ratings, levels, assessment);
    }

    private static Map<String, Object> newTeam(String child, Form form) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("kind", "practitioner");
        Fields.put(lead, "agencyId", form.get("leadAgency"));
        Fields.put(lead, "practitionerId", form.get("leadPractitionerId"));
        Fields.put(lead, "name", form.get("leadName"));
        Fields.put(lead, "role", form.get("leadRole"));
        lead.put("leadProfessional", true);
        List<Map<String, Object>> members = new ArrayList<>(List.of(lead));
        if (!Fields.blank(form.get("parentName")) || !Fields.blank(form.get("parentRole"))) {
            Map<String, Object> parent = new LinkedHashMap<>();
            parent.put("kind", "parent-carer");
            Fields.put(parent, "name", form.get("parentName"));
            Fields.put(parent, "role", form.get("parentRole"));
            members.add(parent);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("childId", child);
        body.put("members", members);
        Fields.put(body, "leadReason", form.get("leadReason"));
        if (!Fields.blank(form.get("reviewEveryWeeks"))) {
            body.put("reviewEveryWeeks", form.get("reviewEveryWeeks").strip());
        }
        return body;
    }

    private static Map<String, Object> member(Form form) {
        Map<String, Object> body = new HashMap<>();
        Fields.put(body, "kind", form.get("kind"));
        Fields.put(body, "name", form.get("name"));
        Fields.put(body, "role", form.get("role"));
        if (!"parent-carer".equals(form.get("kind"))) {
            Fields.put(body, "agencyId", form.get("agencyId"));
            Fields.put(body, "practitionerId", form.get("practitionerId"));
        }
        return body;
    }

    private static Map<String, Object> review(Form form, MultivaluedMap<String, String> posted, Map<String, String> dateErrors) {
        Map<String, Object> body = new HashMap<>();
        date(body, dateErrors, form, "heldOn", "The date of the review", true);
        date(body, dateErrors, form, "nextReviewBy", "The date of the next review", false);
        body.put("attendees", form.chosen());
        List<String> decisions = form.get("decisions").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (!decisions.isEmpty()) {
            body.put("decisions", decisions);
        }
        List<Map<String, Object>> ratings = new ArrayList<>();
        for (WellbeingIndicator i : WellbeingIndicator.values()) {
            String level = form.get("rating-" + i.wireName());
            if (!Fields.blank(level)) {
                ratings.add(Map.of("indicator", i.wireName(), "level", level));
            }
        }
        if (!ratings.isEmpty()) {
            body.put("wellbeing", ratings);
        }
        Fields.put(body, "assessment", form.get("assessment"));
        return body;
    }

    /**
     * A date from its three boxes into the body. A date that is not real is sent as typed so the service refuses
     * the whole request with every other broken rule at once; the console then says what is wrong with it.
     */
    private static void date(Map<String, Object> body, Map<String, String> errors, Form form, String field, String label,
                             boolean required) {
        DateParts d = form.date(field);
        if (d.blank()) {
            if (required) {
                errors.put(field, d.problem(label));
            }
            return;
        }
        String problem = d.problem(label);
        if (problem != null) {
            errors.put(field, problem);
            body.put(field, "not-a-date");
        } else {
            body.put(field, d.date().toString());
        }
    }

    /** The child's open team the person may see in full; 404 ("Page not found") when there is none. */
    private JsonNode team(String child) {
        for (JsonNode t : referrals.teams(child, 5).path("teams")) {
            if (!"closed".equals(t.path("status").asText()) && !"headline".equals(t.path("visibility").asText())) {
                return t;
            }
        }
        throw new jakarta.ws.rs.NotFoundException();
    }

    private static String teamId(JsonNode team) {
        return team.path("teamId").asText();
    }
}
