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
import org.joinedup.console.api.AuditApi;
import org.joinedup.console.api.Problems;
import org.joinedup.console.api.ReferralApi;
import org.joinedup.console.forms.Csrf;
import org.joinedup.console.forms.Messages;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door's triage queue (MASH): each child's new contacts waiting for a decision within one working
 * day, and the decision itself as a form, with a confirmation that says what happens next.
 */
@Path("/triage")
@RolesAllowed({"practitioner", "safeguarding-lead"})
@Produces(MediaType.TEXT_HTML)
public class Triage {
    static final int PER_PAGE = 25;

    /** The decisions a front door can take, with what each means, in the order the form offers them. */
    public static final List<Outcome> OUTCOMES = List.of(
            new Outcome("strategy-discussion", "Strategy discussion",
                    "Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm (Children Act 1989 s47)",
                    "Convene a strategy discussion with the police and health today, and record it on the child's page."),
            new Outcome("child-in-need-assessment", "Child in need assessment",
                    "The child may need services to be safe and healthy (Children Act 1989 s17)",
                    "A social worker assesses the child's needs: the assessment is due within 45 working days."),
            new Outcome("early-help-offered", "Offer early help",
                    "The family would benefit from support; nothing starts without their consent",
                    "Offer the family early help. A Team Around the Child forms only when they consent."),
            new Outcome("advice-given", "Advice given", "The agency that got in touch needed advice, not a service",
                    "The agencies that raised these contacts are told the advice was given."),
            new Outcome("no-further-action", "No further action", "No service is needed from children's social care",
                    "The agencies that raised these contacts are told, with your reason."));

    /** A decision a front door can take: its wire name, its words, what it means and what happens next. */
    public record Outcome(String value, String label, String hint, String next) {
    }

    /** An item of the queue as a list shows it. */
    public record Row(String triageId, String child, String risk, String riskTag, int contacts, String due, String clock,
                      String clockTag, String decision) {
    }

    /** A contact in an item: what it is, from whom, at what risk, when, and what it says when the reader may see. */
    public record Contact(String what, String from, String risk, String riskTag, String received, String text) {
    }

    /** One item with what the form needs. */
    public record Item(String triageId, String childId, String status, String due, String clock, String clockTag,
                       List<Contact> contacts, int version, String decision, String decisionReason, String decidedAt) {
        public boolean decided() {
            return decision != null;
        }
    }

    /** The form as the person filled it in. */
    public record Form(String outcome, String reason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Person person, List<Row> waiting, List<Row> decided, int page, int pages,
                                             int total, String childId, String child);

        static native TemplateInstance item(Person person, CaseSummary summary, Item item, List<Outcome> outcomes, Form form,
                                            Map<String, String> errors, String refusal);

        static native TemplateInstance decided(Person person, CaseSummary summary, Outcome outcome, String triageId);
    }

    private static final Map<String, Messages.Field> FIELDS = Messages.form(
            "outcome", Messages.Field.chosen("outcome", "The decision"),
            "reason", Messages.Field.typed("reason", "Why you decided this"));

    private final Person person;
    private final ReferralApi referrals;
    private final AuditApi audit;
    private final Agencies agencies;
    private final ChildNames children;
    private final CaseSummaries summaries;
    private final Csrf csrf;

    public Triage(Person person, @RestClient ReferralApi referrals, @RestClient AuditApi audit, Agencies agencies,
                  ChildNames children, CaseSummaries summaries, Csrf csrf) {
        this.person = person;
        this.referrals = referrals;
        this.audit = audit;
        this.agencies = agencies;
        this.children = children;
        this.summaries = summaries;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance queue(@QueryParam("page") String page, @QueryParam("childId") String childId) {
        String child = null;
        if (childId != null && !childId.isBlank()) {
            try {
                child = java.util.UUID.fromString(childId.strip()).toString();
            } catch (IllegalArgumentException e) {
                child = null;
            }
        }
        int p = 1;
        try {
            p = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            p = 1;
        }
        JsonNode waiting = referrals.triage("awaiting-decision", child, 500).path("items");
        int pages = Math.max(1, (waiting.size() + PER_PAGE - 1) / PER_PAGE);
        p = Math.min(p, pages);
        List<Row> rows = new ArrayList<>();
        for (int i = (p - 1) * PER_PAGE; i < Math.min(waiting.size(), p * PER_PAGE); i++) {
            rows.add(row(waiting.get(i)));
        }
        List<Row> decided = new ArrayList<>();
        for (JsonNode t : referrals.triage("decided", child, 10).path("items")) {
            decided.add(row(t));
        }
        return Templates.queue(person, rows, decided, p, pages, waiting.size(), child, child == null ? null : children.of(child));
    }

    @GET
    @Path("{triageId}")
    public TemplateInstance item(@PathParam("triageId") String triageId) {
        Item item = load(Casework.uuid(triageId));
        return Templates.item(person, summaries.of(item.childId(), List.of()), item, OUTCOMES, new Form(null, null),
                Map.of(), null);
    }

    @POST
    @Path("{triageId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decide(@PathParam("triageId") String triageId, @FormParam(Csrf.FIELD) String token,
                         @FormParam("outcome") String outcome, @FormParam("reason") String reason,
                         @FormParam("version") String version) {
        csrf.check(token);
        String id = Casework.uuid(triageId);
        Form form = new Form(outcome, reason);
        Map<String, Object> body = new HashMap<>();
        org.joinedup.console.forms.Fields.put(body, "outcome", outcome);
        org.joinedup.console.forms.Fields.put(body, "reason", reason);
        try {
            referrals.decideTriage(id, version == null || version.isBlank() ? null : "\"" + version.strip() + "\"", body);
        } catch (WebApplicationException e) {
            int status = Problems.status(e);
            if (status != 400 && status != 409 && status != 412) {
                throw e;
            }
            Problems.Refusal refusal = Problems.refusal(e);
            Map<String, String> errors = new LinkedHashMap<>(Messages.of(refusal, FIELDS));
            String said = switch (status) {
                case 409 -> "Someone in your front door has already decided this. Their decision is shown below.";
                case 412 -> "A new contact reached this item while you were deciding. Read it, then decide again.";
                default -> errors.isEmpty() ? Labels.sentence(refusal.detail() != null ? refusal.detail() : refusal.title()) : null;
            };
            Item item = load(id);
            return Response.status(status == 400 ? 400 : 409).entity(Templates.item(person,
                    summaries.of(item.childId(), List.of()), item, OUTCOMES, form, errors, said)).build();
        }
        return Response.seeOther(URI.create("/triage/" + id + "/decided")).build();
    }

    @GET
    @Path("{triageId}/decided")
    public TemplateInstance decided(@PathParam("triageId") String triageId) {
        Item item = load(Casework.uuid(triageId));
        Outcome outcome = OUTCOMES.stream().filter(o -> o.label().equals(item.decision())).findFirst().orElse(null);
        return Templates.decided(person, summaries.of(item.childId(), List.of()), outcome, item.triageId());
    }

    private Item load(String id) {
        JsonNode t;
        try (Response r = referrals.triageItem(id)) {
            t = r.readEntity(JsonNode.class);
        }
        String child = t.path("childId").asText();
        Map<String, JsonNode> concerns = new HashMap<>();
        JsonNode entries = audit.entries(child, "significant", "concern", "newest", 0, 200);
        entries.path("entries").forEach(e -> {
            if ("concern-raised".equals(e.path("type").asText())) {
                concerns.put(e.path("data").path("concernId").asText(), e);
            }
        });
        List<Contact> contacts = new ArrayList<>();
        for (JsonNode c : t.path("contacts")) {
            String risk = Labels.words(c.path("riskLevel").asText());
            JsonNode concern = concerns.get(c.path("sourceId").asText());
            String what = "referral".equals(c.path("source").asText()) ? "Referral"
                    : concern == null ? "Concern" : "Concern: " + Labels.words(concern.path("data").path("category").asText(
                            concern.path("headline").path("category").asText("")));
            String text = concern == null || "headline".equals(concern.path("visibility").asText()) ? null
                    : concern.path("data").path("description").asText(null);
            contacts.add(new Contact(what, agencies.name(c.path("fromAgency").asText()), risk, riskTag(risk),
                    ChronologyView.when(c.path("receivedAt").asText(null)), text));
        }
        JsonNode d = t.path("decision");
        String decision = d.isObject() ? OUTCOMES.stream().filter(o -> o.value().equals(d.path("outcome").asText()))
                .map(Outcome::label).findFirst().orElse(Labels.words(d.path("outcome").asText())) : null;
        return new Item(t.path("triageId").asText(), child, t.path("status").asText(),
                ChronologyView.deadline(t.path("decisionDueBy").asText(null)), Labels.words(t.path("clock").asText()),
                Home.clockTag(t.path("clock").asText()), contacts, t.path("version").asInt(), decision,
                d.isObject() ? d.path("reason").asText(null) : null,
                d.isObject() ? ChronologyView.when(d.path("decidedAt").asText(null)) : null);
    }

    private Row row(JsonNode t) {
        String risk = Labels.words(t.path("highestRisk").asText());
        JsonNode d = t.path("decision");
        return new Row(t.path("triageId").asText(), children.of(t.path("childId").asText()), risk, riskTag(risk),
                t.path("contacts").size(), ChronologyView.deadline(t.path("decisionDueBy").asText(null)),
                Labels.words(t.path("clock").asText()), Home.clockTag(t.path("clock").asText()),
                d.isObject() ? OUTCOMES.stream().filter(o -> o.value().equals(d.path("outcome").asText()))
                        .map(Outcome::label).findFirst().orElse(Labels.words(d.path("outcome").asText())) : null);
    }

    static String riskTag(String risk) {
        return switch (risk) {
            case "Immediate" -> "govuk-tag--red";
            case "High", "Urgent" -> "govuk-tag--orange";
            case "Medium" -> "govuk-tag--yellow";
            default -> "govuk-tag--grey";
        };
    }
}
