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
import org.joinedup.console.api.ReferralApi;
import org.joinedup.console.forms.Csrf;
import org.joinedup.console.forms.Fields;
import org.joinedup.console.forms.Messages;
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.RiskLevel;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A practitioner's own work: the concerns they raised, each with where it stands and a reference to quote,
 * the referrals their agency made and what became of them; and a concern of theirs amended (with why) or
 * withdrawn (with why), each from a form with a confirmation.
 */
@Path("/")
@RolesAllowed("practitioner")
@Produces(MediaType.TEXT_HTML)
public class OwnWork {
    static final int PER_PAGE = 25;

    /** A concern in the list. */
    public record Mine(String concernId, String reference, String child, String category, String risk, String riskTag,
                       String occurredAt, String status, String statusTag) {
    }

    /** A referral the agency made, and its outcome so far. */
    public record Made(String referralId, String child, String to, String madeAt, String status, String outcome) {
    }

    /** One concern of the agency's, with what the forms need. */
    public record One(String concernId, String reference, String childId, String child, String category, String risk,
                      String description, String childsVoice, String occurredAt, String status, int version,
                      boolean withdrawn, List<String> history) {
        public String riskWords() {
            return Labels.words(risk);
        }
    }

    /** What the person typed, kept when the service refuses it. */
    public record Form(String form, String reason, String riskLevel, String description) {
        static final Form EMPTY = new Form(null, null, null, null);

        public String amendReason() {
            return "amend".equals(form) ? reason : "";
        }

        public String withdrawReason() {
            return "withdraw".equals(form) ? reason : "";
        }

        public String descriptionOr(String current) {
            return description != null ? description : current;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(Person person, List<Mine> concerns, long total, int page, int pages,
                                            List<Made> referrals, boolean agency);

        static native TemplateInstance concern(Person person, One concern, List<Pages.Option> risks, Form form,
                                               Map<String, String> errors, String refusal);

        static native TemplateInstance changed(Person person, One concern, String title, String next);
    }

    private static final Map<String, Map<String, Messages.Field>> FIELDS = Map.of(
            "amend", Messages.form("reason", Messages.Field.typed("amendReason", "Why you are changing it"),
                    "riskLevel", Messages.Field.chosen("riskLevel", "The risk"),
                    "description", Messages.Field.typed("description", "What happened"),
                    "body", Messages.Field.typed("description", "What you are changing")),
            "withdraw", Messages.form("reason", Messages.Field.typed("withdrawReason", "Why you are withdrawing it")));

    private final Person person;
    private final ConcernApi concerns;
    private final ReferralApi referrals;
    private final Agencies agencies;
    private final ChildNames children;
    private final Csrf csrf;

    public OwnWork(Person person, @RestClient ConcernApi concerns, @RestClient ReferralApi referrals, Agencies agencies,
                   ChildNames children, Csrf csrf) {
        this.person = person;
        this.concerns = concerns;
        this.referrals = referrals;
        this.agencies = agencies;
        this.children = children;
        this.csrf = csrf;
    }

    @GET
    @Path("concerns")
    public TemplateInstance mine(@QueryParam("page") String page, @QueryParam("raisedBy") String raisedBy) {
        boolean agency = "agency".equals(raisedBy);
        int p = 1;
        try {
            p = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            p = 1;
        }
        JsonNode own = concerns.own(agency ? "agency" : "me", (p - 1) * PER_PAGE, PER_PAGE);
        List<Mine> list = new ArrayList<>();
        for (JsonNode c : own.path("concerns")) {
            String risk = Labels.words(c.path("riskLevel").asText());
            String status = c.path("status").asText();
            list.add(new Mine(c.path("concernId").asText(), reference(c.path("concernId").asText()),
                    children.of(c.path("childId").asText()), Labels.words(c.path("category").asText()), risk,
                    Triage.riskTag(risk), ChronologyView.when(c.path("occurredAt").asText(null)), Labels.words(status),
                    "withdrawn".equals(status) ? "govuk-tag--grey" : "govuk-tag--blue"));
        }
        long total = own.path("total").asLong();
        int pages = (int) Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        List<Made> made = new ArrayList<>();
        for (JsonNode r : referrals.referralsMade("sent", 25).path("referrals")) {
            made.add(new Made(r.path("referralId").asText(), children.of(r.path("childId").asText()),
                    agencies.name(r.path("toAgency").asText()), ChronologyView.when(r.path("madeAt").asText(null)),
                    Labels.words(r.path("status").asText()),
                    r.path("decision").isObject() ? Labels.words(r.path("decision").path("outcome").asText()) : null));
        }
        return Templates.mine(person, list, total, p, pages, made, agency);
    }

    @GET
    @Path("concerns/{concernId}")
    public TemplateInstance concern(@PathParam("concernId") String concernId) {
        return Templates.concern(person, load(Casework.uuid(concernId)), risks(null), Form.EMPTY, Map.of(), null);
    }

    @POST
    @Path("concerns/{concernId}/{form: amend|withdraw}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object change(@PathParam("concernId") String concernId, @PathParam("form") String which,
                         @FormParam(Csrf.FIELD) String token, @FormParam("version") String version,
                         @FormParam("amendReason") String amendReason, @FormParam("withdrawReason") String withdrawReason,
                         @FormParam("riskLevel") String riskLevel, @FormParam("description") String description) {
        csrf.check(token);
        String id = Casework.uuid(concernId);
        One before = load(id);
        Form form = new Form(which, "amend".equals(which) ? amendReason : withdrawReason, riskLevel, description);
        Map<String, Object> body = new HashMap<>();
        Fields.put(body, "reason", form.reason());
        try {
            if ("amend".equals(which)) {
                if (!Fields.blank(riskLevel) && !riskLevel.equals(before.risk())) {
                    body.put("riskLevel", riskLevel.strip());
                }
                if (description != null && !description.strip().equals(before.description())) {
                    body.put("description", description);
                }
                concerns.amend(id, version == null || version.isBlank() ? null : "\"" + version.strip() + "\"", body);
            } else {
                concerns.withdraw(id, body);
            }
        } catch (WebApplicationException e) {
            int status = Problems.status(e);
            if (status != 400 && status != 409 && status != 412) {
                throw e;
            }
            Problems.Refusal refusal = Problems.refusal(e);
            Map<String, String> errors = new LinkedHashMap<>(Messages.of(refusal, FIELDS.get(which)));
            if (refusal.rules().containsValue("changes-required")) {
                errors.put("description", "Change the risk or what happened, or both");
            }
            String said = switch (status) {
                case 412 -> "Someone in your agency changed this concern while you were editing it. Read it again, then change it.";
                case 409 -> "This concern was withdrawn: it can no longer change.";
                default -> errors.isEmpty() ? Labels.sentence(refusal.detail() != null ? refusal.detail() : refusal.title()) : null;
            };
            return Response.status(status == 400 ? 400 : 409).entity(Templates.concern(person, load(id),
                    risks(riskLevel), form, errors, said)).build();
        }
        return Response.seeOther(URI.create("/concerns/" + id + "/" + ("amend".equals(which) ? "amended" : "withdrawn"))).build();
    }

    @GET
    @Path("concerns/{concernId}/{done: amended|withdrawn}")
    public TemplateInstance changed(@PathParam("concernId") String concernId, @PathParam("done") String done) {
        One concern = load(Casework.uuid(concernId));
        return "amended".equals(done)
                ? Templates.changed(person, concern, "Concern changed",
                "Every agency that may see it sees it as now changed; the change and why are kept in its history, and "
                        + "agencies it was shared with keep what was sent to them.")
                : Templates.changed(person, concern, "Concern withdrawn",
                "It stays on record, marked withdrawn with your reason, and can no longer change.");
    }

    private One load(String id) {
        JsonNode c;
        try (Response r = concerns.concern(id)) {
            if (r.getStatus() >= 400) {
                throw new WebApplicationException(Response.fromResponse(r).build());
            }
            c = r.readEntity(JsonNode.class);
        }
        if (!person.agencyId().equals(c.path("agencyId").asText())) {
            // Another agency's concern: this page is for a practitioner's own agency's concerns.
            throw new jakarta.ws.rs.NotFoundException();
        }
        List<String> history = new ArrayList<>();
        c.path("history").forEach(h -> history.add(Labels.type(h.path("type").asText()) + ", "
                + ChronologyView.when(h.path("at").asText(h.path("recordedAt").asText(null)))
                + (h.path("reason").isTextual() ? ": " + h.path("reason").asText() : "")));
        String status = c.path("status").asText();
        return new One(c.path("concernId").asText(), reference(c.path("concernId").asText()), c.path("childId").asText(),
                children.of(c.path("childId").asText()), Labels.words(c.path("category").asText()),
                c.path("riskLevel").asText(), c.path("description").asText(""), c.path("childsVoice").asText(null),
                ChronologyView.when(c.path("occurredAt").asText(null)), Labels.words(status), c.path("version").asInt(),
                "withdrawn".equals(status), history);
    }

    private static List<Pages.Option> risks(String chosen) {
        return Arrays.stream(RiskLevel.values()).map(WireNamed::wireName)
                .map(r -> new Pages.Option(r, Labels.words(r), r.equals(chosen))).toList();
    }

    /** A reference a practitioner can quote on the phone: the concern id's first eight characters, in capitals. */
    static String reference(String concernId) {
        return concernId == null || concernId.length() < 8 ? "" : "C-" + concernId.substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
