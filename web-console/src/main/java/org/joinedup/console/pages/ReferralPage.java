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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.Problems;
import org.joinedup.console.api.ReferralApi;
import org.joinedup.console.forms.Csrf;
import org.joinedup.console.forms.Fields;
import org.joinedup.console.forms.Messages;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One referral and the receiving agency's steps on it while its clocks run: acknowledge, decide (the
 * statutory outcomes only for the child's front door), record the family's answer to early help, complete
 * the assessment, close. Each step is a GOV.UK form with a confirmation page that says what happens next.
 */
@Path("/referrals/{referralId}")
@RolesAllowed({"practitioner", "safeguarding-lead"})
@Produces(MediaType.TEXT_HTML)
public class ReferralPage {
    /** Decisions any receiving agency may take. */
    static final List<Choice> ORDINARY = List.of(
            new Choice("support-offered", "Support from your own service", "A request for help your agency meets itself"),
            new Choice("early-help", "Offer early help", "A Team Around the Child forms when the family consents"),
            new Choice("no-further-action", "No further action", "Nothing more is needed from your agency"));
    /** Decisions only the child's local authority children's social care takes (its statutory duties). */
    static final List<Choice> STATUTORY = List.of(
            new Choice("section-47-enquiry", "Strategy discussion and section 47 enquiry",
                    "Reasonable cause to suspect significant harm (Children Act 1989 s47)"),
            new Choice("immediate-protection", "Immediate protection",
                    "Police protection or an emergency protection order, then a strategy discussion"),
            new Choice("child-in-need-assessment", "Child in need assessment", "Children Act 1989 s17, within 45 working days"));

    /** A choice on a form: its value, words and hint. */
    public record Choice(String value, String label, String hint) {
    }

    /** The referral as the page shows it, and which steps the person may take now. */
    public record View(String referralId, String childId, String from, String to, String madeAt, String urgency,
                       String reason, String familyInformed, String consent, String status, List<Casework.Clock> clocks,
                       String decision, String decisionReason, String earlyHelp, String assessment, String closure,
                       int version, boolean receiving, boolean acknowledge, boolean decide, boolean consentStep,
                       boolean assess, boolean close, boolean headline) {
        public boolean anyStep() {
            return acknowledge || decide || consentStep || assess || close;
        }
    }

    /** What the person typed or chose, kept when a step is refused. */
    public record Form(String step, String outcome, String reason, String consent, String note, String summary) {
        static final Form EMPTY = new Form(null, null, null, null, null, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance referral(Person person, CaseSummary summary, View referral, List<Choice> outcomes,
                                                Form form, Map<String, String> errors, String refusal);

        static native TemplateInstance done(Person person, CaseSummary summary, String referralId, String title, String next);
    }

    private static final Map<String, Map<String, Messages.Field>> FIELDS = Map.of(
            "decision", Messages.form("outcome", Messages.Field.chosen("outcome", "The decision"),
                    "reason", Messages.Field.typed("reason", "Why you decided this")),
            "early-help-consent", Messages.form("consent", Messages.Field.chosen("consent", "The family's answer"),
                    "note", Messages.Field.typed("note", "What the family said")),
            "assessment-completion", Map.of("summary", Messages.Field.typed("summary", "What the assessment found")),
            "closure", Map.of("reason", Messages.Field.typed("closeReason", "Why you are closing the referral")));

    private final Person person;
    private final ReferralApi referrals;
    private final Agencies agencies;
    private final CaseSummaries summaries;
    private final Csrf csrf;

    public ReferralPage(Person person, @RestClient ReferralApi referrals, Agencies agencies, CaseSummaries summaries,
                        Csrf csrf) {
        this.person = person;
        this.referrals = referrals;
        this.agencies = agencies;
        this.summaries = summaries;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance show(@PathParam("referralId") String referralId) {
        View view = load(Casework.uuid(referralId));
        return Templates.referral(person, summaries.of(view.childId(), List.of()), view, outcomes(), Form.EMPTY, Map.of(),
                null);
    }

    @POST
    @Path("{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object step(@PathParam("referralId") String referralId, @PathParam("step") String step,
                       @FormParam(Csrf.FIELD) String token, @FormParam("version") String version,
                       @FormParam("outcome") String outcome, @FormParam("reason") String reason,
                       @FormParam("consent") String consent, @FormParam("note") String note,
                       @FormParam("summary") String summary, @FormParam("closeReason") String closeReason) {
        csrf.check(token);
        String id = Casework.uuid(referralId);
        Map<String, Object> body = new HashMap<>();
        switch (step) {
            case "acknowledgement" -> {
            }
            case "decision" -> {
                Fields.put(body, "outcome", outcome);
                Fields.put(body, "reason", reason);
            }
            case "early-help-consent" -> {
                Fields.put(body, "consent", consent);
                Fields.put(body, "note", note);
            }
            case "assessment-completion" -> Fields.put(body, "summary", summary);
            case "closure" -> Fields.put(body, "reason", closeReason);
            default -> throw new jakarta.ws.rs.NotFoundException();
        }
        Form form = new Form(step, outcome, reason, consent, note, summary == null ? closeReason : summary);
        try {
            referrals.referralStep(id, step, version == null || version.isBlank() ? null : "\"" + version.strip() + "\"", body);
        } catch (WebApplicationException e) {
            int status = Problems.status(e);
            if (status != 400 && status != 403 && status != 409 && status != 412) {
                throw e;
            }
            Problems.Refusal refusal = Problems.refusal(e);
            Map<String, String> errors = new LinkedHashMap<>(Messages.of(refusal, FIELDS.getOrDefault(step, Map.of())));
            String said = switch (status) {
                case 412 -> "Someone changed this referral while you were working on it. Read it again, then carry on.";
                case 409 -> "This step cannot be taken now: " + Labels.sentence(refusal.detail() != null ? refusal.detail()
                        : refusal.title()).toLowerCase(java.util.Locale.ROOT);
                default -> errors.isEmpty() ? Labels.sentence(refusal.detail() != null ? refusal.detail() : refusal.title()) : null;
            };
            View view = load(id);
            return Response.status(status == 400 ? 400 : status == 403 ? 403 : 409).entity(Templates.referral(person,
                    summaries.of(view.childId(), List.of()), view, outcomes(), form, errors, said)).build();
        }
        return Response.seeOther(URI.create("/referrals/" + id + "/done/" + step)).build();
    }

    @GET
    @Path("done/{step}")
    public TemplateInstance done(@PathParam("referralId") String referralId, @PathParam("step") String step) {
        View view = load(Casework.uuid(referralId));
        String title;
        String next;
        switch (step) {
            case "acknowledgement" -> {
                title = "Referral acknowledged";
                next = "The referring agency can see it was received. Decide what it needs by " + firstDue(view) + ".";
            }
            case "decision" -> {
                title = "Decision recorded: " + view.decision();
                next = switch (String.valueOf(view.decision())) {
                    case "Offer early help" -> "Ask the family whether they consent, then record their answer on this referral. "
                            + "A Team Around the Child forms only when they do.";
                    case "Strategy discussion and section 47 enquiry", "Immediate protection" ->
                            "Convene a strategy discussion with the police and health; the initial child protection "
                                    + "conference is due within 15 working days of it.";
                    case "Child in need assessment" -> "Complete the assessment by " + firstDue(view) + ".";
                    default -> "The referring agency is told your decision. Close the referral when your work on it ends.";
                };
            }
            case "early-help-consent" -> {
                title = "The family's answer is recorded";
                next = "given".equals(view.earlyHelp()) ? "The Team Around the Child is formed: add its members and agree the plan."
                        : "Nothing starts without the family's consent. Close the referral, or offer again if things change.";
            }
            case "assessment-completion" -> {
                title = "Assessment completed";
                next = "Its clock has stopped. Close the referral, or carry on with a plan.";
            }
            case "closure" -> {
                title = "Referral closed";
                next = "The referring agency is told it is closed, with your reason.";
            }
            default -> throw new jakarta.ws.rs.NotFoundException();
        }
        return Templates.done(person, summaries.of(view.childId(), List.of()), view.referralId(), title, next);
    }

    /** The decisions the person's agency may take: the statutory ones only for a front door. */
    private List<Choice> outcomes() {
        List<Choice> all = new ArrayList<>();
        if (person.frontDoor()) {
            all.addAll(STATUTORY);
        }
        all.addAll(ORDINARY);
        return all;
    }

    private View load(String id) {
        JsonNode r;
        try (Response response = referrals.referral(id)) {
            if (response.getStatus() >= 400) {
                throw new WebApplicationException(Response.fromResponse(response).build());
            }
            r = response.readEntity(JsonNode.class);
        }
        boolean headline = "headline".equals(r.path("visibility").asText());
        List<Casework.Clock> clocks = new ArrayList<>();
        r.path("clocks").forEach(c -> clocks.add(new Casework.Clock(Labels.words(c.path("clock").asText()),
                ChronologyView.deadline(c.path("dueBy").asText(null)), Labels.words(c.path("status").asText()),
                Home.clockTag(c.path("status").asText()))));
        String status = r.path("status").asText();
        JsonNode d = r.path("decision");
        String outcome = d.path("outcome").asText(null);
        String decision = outcome == null ? null : java.util.stream.Stream.concat(STATUTORY.stream(), ORDINARY.stream())
                .filter(c -> c.value().equals(outcome)).map(Choice::label).findFirst().orElse(Labels.words(outcome));
        String earlyHelp = d.path("earlyHelp").path("familyConsent").asText(null);
        boolean receiving = person.practitioner() && r.path("toAgency").asText().equals(person.agencyId());
        boolean open = !"closed".equals(status);
        boolean statutory = outcome != null && List.of("child-in-need-assessment", "section-47-enquiry", "immediate-protection")
                .contains(outcome);
        return new View(r.path("referralId").asText(), r.path("childId").asText(), agencies.name(r.path("fromAgency").asText()),
                agencies.name(r.path("toAgency").asText()), ChronologyView.when(r.path("madeAt").asText(null)),
                Labels.words(r.path("urgency").asText(r.path("headline").path("urgency").asText(""))),
                r.path("reason").asText(null), r.path("familyInformed").asText(null),
                r.path("consent").isObject() ? Labels.words(r.path("consent").path("status").asText()) : null,
                Labels.words(status), clocks, decision, d.path("reason").asText(null),
                earlyHelp == null ? null : earlyHelp, r.path("assessment").path("note").asText(null),
                r.path("closure").path("note").asText(null), r.path("version").asInt(), receiving,
                receiving && "made".equals(status),
                receiving && ("made".equals(status) || "acknowledged".equals(status)),
                receiving && open && "early-help".equals(outcome) && "awaiting".equals(earlyHelp),
                receiving && open && statutory && !r.path("assessment").isObject(),
                receiving && "decided".equals(status), headline);
    }

    private static String firstDue(View view) {
        return view.clocks().stream().filter(c -> "Running".equals(c.status()) || "Overdue".equals(c.status()))
                .map(Casework.Clock::dueBy).findFirst().orElse("its deadline");
    }
}
