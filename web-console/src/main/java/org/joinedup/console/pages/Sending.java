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
import org.joinedup.console.api.AuditApi;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.DirectoryApi;
import org.joinedup.console.api.Problems;
import org.joinedup.console.api.ReferralApi;
import org.joinedup.console.forms.Csrf;
import org.joinedup.events.WireNamed;
import org.joinedup.events.directory.LawfulBasis;
import org.joinedup.events.directory.SharingPurpose;
import org.joinedup.events.referral.ReferralUrgency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.joinedup.console.forms.Fields.blank;
import static org.joinedup.console.forms.Fields.put;

/**
 * Sending something about a child to another agency: sharing the agency's own concerns (or a note), and
 * referring the child. The services decide; each refusal is shown beside the field it names, with what the
 * person chose kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Sending {
    static final List<String> CONSENT = List.of("given", "refused", "not-sought");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance share(Person person, String childId, ShareForm form, Map<String, String> errors,
                                             String refusal, List<Pages.Option> agencies, List<Choice> concerns,
                                             List<Pages.Option> purposes, List<Pages.Option> bases,
                                             List<Pages.Option> consent);

        static native TemplateInstance refer(Person person, String childId, ReferralForm form, Map<String, String> errors,
                                             String refusal, List<Pages.Option> agencies, List<Choice> concerns,
                                             List<Pages.Option> urgencies, List<Pages.Option> consent);

        static native TemplateInstance sent(Person person, String childId, String title, String body, String next,
                                            String nextText);
    }

    /** A concern the person may pick, with what it says so they know which. */
    public record Choice(String value, String text, String hint, boolean selected) {
    }

    /** The share form as the person filled it in. */
    public record ShareForm(String toAgency, List<String> concernIds, String note, String purpose, String lawfulBasis,
                            String consentStatus, String consentReason, String overrideJustification) {
    }

    /** The referral form as the person filled it in. */
    public record ReferralForm(String toAgency, List<String> concernIds, String reason, String urgency,
                               String familyInformed, String consentStatus, String consentReason) {
    }

    /** The services' field names, and the form field each refusal is shown beside. */
    static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("toAgency", "toAgency"),
            Map.entry("concernIds", "concernIds"), Map.entry("childId", "concernIds"), Map.entry("note", "note"),
            Map.entry("purpose", "purpose"), Map.entry("lawfulBasis", "lawfulBasis"),
            Map.entry("consent.status", "consentStatus"), Map.entry("consent.reason", "consentReason"),
            Map.entry("override.justification", "overrideJustification"), Map.entry("reason", "reason"),
            Map.entry("urgency", "urgency"), Map.entry("familyInformed", "familyInformed"));

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("toAgency", "The agency"),
            Map.entry("concernIds", "The concerns"), Map.entry("note", "The note"), Map.entry("purpose", "The purpose"),
            Map.entry("lawfulBasis", "The lawful basis"), Map.entry("consentStatus", "Whether consent was given"),
            Map.entry("consentReason", "Why without consent"), Map.entry("overrideJustification", "The justification"),
            Map.entry("reason", "Why you are referring"), Map.entry("urgency", "How urgent it is"),
            Map.entry("familyInformed", "What the family was told"));

    /** The fields chosen from a list (select, radios, checkboxes): "Select ...", where typed ones are "Enter ...". */
    static final java.util.Set<String> CHOSEN = java.util.Set.of("toAgency", "concernIds", "purpose", "lawfulBasis",
            "consentStatus", "urgency");

    private final Person person;
    private final ConcernApi concerns;
    private final ReferralApi referrals;
    private final AuditApi audit;
    private final DirectoryApi directory;
    private final Csrf csrf;

    public Sending(Person person, @RestClient ConcernApi concerns, @RestClient ReferralApi referrals,
                   @RestClient AuditApi audit, @RestClient DirectoryApi directory, Csrf csrf) {
        this.person = person;
        this.concerns = concerns;
        this.referrals = referrals;
        this.audit = audit;
        this.directory = directory;
        this.csrf = csrf;
    }

    @GET
    @Path("children/{childId}/shares/new")
    @RolesAllowed({"practitioner", "safeguarding-lead"})
    public TemplateInstance shareForm(@PathParam("childId") String childId) {
        String child = UUID.fromString(childId).toString();
        return share(child, new ShareForm(null, List.of(), null, null, null, null, null, null), Map.of(), null);
    }

    @POST
    @Path("children/{childId}/shares")
    @RolesAllowed({"practitioner", "safeguarding-lead"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object share(@PathParam("childId") String childId, @FormParam(Csrf.FIELD) String token,
                        @FormParam("toAgency") String toAgency, @FormParam("concernIds") List<String> concernIds,
                        @FormParam("note") String note, @FormParam("purpose") String purpose,
                        @FormParam("lawfulBasis") String lawfulBasis, @FormParam("consentStatus") String consentStatus,
                        @FormParam("consentReason") String consentReason,
                        @FormParam("overrideJustification") String overrideJustification) {
        csrf.check(token);
        String child = UUID.fromString(childId).toString();
        ShareForm form = new ShareForm(toAgency, concernIds == null ? List.of() : concernIds, note, purpose, lawfulBasis,
                consentStatus, consentReason, person.lead() ? overrideJustification : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childId", child);
        put(body, "toAgency", toAgency);
        body.put("concernIds", form.concernIds());
        put(body, "note", note);
        put(body, "purpose", purpose);
        put(body, "lawfulBasis", lawfulBasis);
        body.put("consent", consent(consentStatus, consentReason));
        if (!blank(form.overrideJustification())) {
            body.put("override", Map.of("justification", form.overrideJustification().strip()));
        }
        try {
            concerns.share(body);
        } catch (WebApplicationException e) {
            Problems.Refusal refusal = refused(e);
            return Response.status(400).entity(share(child, form, errors(refusal), summary(refusal))).build();
        }
        return Templates.sent(person, child, "Information shared",
                "The " + agencyName(toAgency) + " has it in its inbox; you will see in the child's chronology when they "
                        + "acknowledge it.", childPage(child), "Back to the child");
    }

    @GET
    @Path("children/{childId}/referrals/new")
    @RolesAllowed("practitioner")
    public TemplateInstance referralForm(@PathParam("childId") String childId) {
        String child = UUID.fromString(childId).toString();
        return refer(child, new ReferralForm(null, List.of(), null, null, null, null, null), Map.of(), null);
    }

    @POST
    @Path("children/{childId}/referrals")
    @RolesAllowed("practitioner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object refer(@PathParam("childId") String childId, @FormParam(Csrf.FIELD) String token,
                        @FormParam("toAgency") String toAgency, @FormParam("concernIds") List<String> concernIds,
                        @FormParam("reason") String reason, @FormParam("urgency") String urgency,
                        @FormParam("familyInformed") String familyInformed, @FormParam("consentStatus") String consentStatus,
                        @FormParam("consentReason") String consentReason) {
        csrf.check(token);
        String child = UUID.fromString(childId).toString();
        ReferralForm form = new ReferralForm(toAgency, concernIds == null ? List.of() : concernIds, reason, urgency,
                familyInformed, consentStatus, consentReason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childId", child);
        put(body, "toAgency", toAgency);
        body.put("concernIds", form.concernIds());
        put(body, "reason", reason);
        put(body, "urgency", urgency);
        put(body, "familyInformed", familyInformed);
        body.put("consent", consent(consentStatus, consentReason));
        JsonNode made;
        try {
            made = referrals.refer(body);
        } catch (WebApplicationException e) {
            Problems.Refusal refusal = refused(e);
            return Response.status(400).entity(refer(child, form, errors(refusal), summary(refusal))).build();
        }
        List<String> clocks = new ArrayList<>();
        made.path("clocks").forEach(c -> clocks.add(Labels.words(c.path("clock").asText()).toLowerCase() + " due by "
                + ChronologyView.deadline(c.path("dueBy").asText(null))));
        return Templates.sent(person, child, "Referral made", "The " + agencyName(toAgency) + " has been referred the child"
                        + (clocks.isEmpty() ? "." : "; its statutory clock is running: " + String.join(", ", clocks) + "."),
                "/referrals?childId=" + child, "See the child's referrals");
    }

    /** A refusal a form can show; anything else (the service down, a 5xx) goes to the problem pages. */
    private static Problems.Refusal refused(WebApplicationException e) {
        int status = Problems.status(e);
        if (status != 400 && status != 403 && status != 409 && status != 422) {
            throw e;
        }
        return Problems.refusal(e);
    }

    /** Each refused field the form shows, said in the console's words (forms/Messages) beside it. */
    static Map<String, String> errors(Problems.Refusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.fields().forEach((field, message) -> {
            String at = FIELDS.getOrDefault(field.replaceAll("\\[\\d+]$", ""), null);
            if (at != null && !errors.containsKey(at)) {
                org.joinedup.console.forms.Messages.Field f = new org.joinedup.console.forms.Messages.Field(at, LABELS.get(at),
                        CHOSEN.contains(at));
                errors.put(at, org.joinedup.console.forms.Messages.say(f, refusal.rules().getOrDefault(field, ""), message));
            }
        });
        return errors;
    }

    /** What to say above the fields: the service's own words when it named no field we show (or in addition). */
    static String summary(Problems.Refusal refusal) {
        String said = refusal.detail() != null ? refusal.detail() : refusal.title();
        return said == null ? "The request could not be carried out." : Labels.sentence(said);
    }

    private TemplateInstance share(String child, ShareForm form, Map<String, String> errors, String refusal) {
        List<Choice> choices = ownConcerns(child, false).stream().map(c -> new Choice(c.value(), c.text(), c.hint(),
                form.concernIds().contains(c.value()))).toList();
        return Templates.share(person, child, form, errors, refusal, agencies(form.toAgency()), choices,
                options(SharingPurpose.class, form.purpose()), options(LawfulBasis.class, form.lawfulBasis()),
                consent(form.consentStatus()));
    }

    private TemplateInstance refer(String child, ReferralForm form, Map<String, String> errors, String refusal) {
        List<Choice> choices = ownConcerns(child, true).stream().map(c -> new Choice(c.value(), c.text(), c.hint(),
                form.concernIds().contains(c.value()))).toList();
        return Templates.refer(person, child, form, errors, refusal, agencies(form.toAgency()), choices,
                options(ReferralUrgency.class, form.urgency()), consent(form.consentStatus()));
    }

    /**
     * The concerns the person's agency may send: its own (and, for a referral, those shared with it). A
     * practitioner reads them from their agency's view of the child; a lead from the chronology.
     */
    private List<Choice> ownConcerns(String child, boolean sharedToo) {
        List<Choice> found = new ArrayList<>();
        if (person.practitioner()) {
            for (JsonNode c : concerns.agencyView(child).path("concerns")) {
                if (sharedToo || c.path("agencyId").asText().equals(person.agencyId())) {
                    found.add(choice(c));
                }
            }
        } else {
            for (JsonNode e : audit.chronology(child, person.agencyId(), null, null, "concern", null, null, "newest", 0, 100)
                    .path("entries")) {
                if ("concern-raised".equals(e.path("type").asText()) && "full".equals(e.path("visibility").asText())) {
                    found.add(choice(e.path("data")));
                }
            }
        }
        return found;
    }

    private static Choice choice(JsonNode c) {
        String description = c.path("description").asText("");
        return new Choice(c.path("concernId").asText(), Labels.words(c.path("category").asText()) + ", "
                + ChronologyView.when(c.path("occurredAt").asText(null)), description.length() > 140
                ? description.substring(0, 139) + "…" : description, false);
    }

    private List<Pages.Option> agencies(String selected) {
        List<Pages.Option> options = new ArrayList<>();
        for (JsonNode a : directory.agencies()) {
            String id = a.path("agencyId").asText();
            if (!id.equals(person.agencyId()) && a.path("active").asBoolean(true)) {
                options.add(new Pages.Option(id, a.path("name").asText(id), id.equals(selected)));
            }
        }
        options.sort(java.util.Comparator.comparing(Pages.Option::text));
        return options;
    }

    private String agencyName(String agencyId) {
        for (JsonNode a : directory.agencies()) {
            if (a.path("agencyId").asText().equals(agencyId)) {
                return a.path("name").asText(agencyId);
            }
        }
        return agencyId;
    }

    private String childPage(String child) {
        return person.lead() ? "/children/" + child : "/children/" + child + "/concerns";
    }

    static <E extends Enum<E> & WireNamed> List<Pages.Option> options(Class<E> type, String selected) {
        return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName)
                .map(v -> new Pages.Option(v, Labels.words(v), v.equals(selected))).toList();
    }

    static List<Pages.Option> consent(String selected) {
        return CONSENT.stream().map(v -> new Pages.Option(v, switch (v) {
            case "given" -> "Given";
            case "refused" -> "Refused";
            default -> "Not sought";
        }, v.equals(selected))).toList();
    }

    private static Map<String, Object> consent(String status, String reason) {
        Map<String, Object> consent = new LinkedHashMap<>();
        put(consent, "status", status);
        put(consent, "reason", reason);
        return consent;
    }
}
