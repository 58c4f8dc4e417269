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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.console.api.ReferralApi;
import org.joinedup.console.forms.Csrf;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Casework shared by practitioners and leads: the inbox (what was shared with the agency, break-glass
 * openings of its records), referrals with their statutory clocks, and a child's Team Around the Child.
 */
@Path("/")
@RolesAllowed({"practitioner", "safeguarding-lead"})
@Produces(MediaType.TEXT_HTML)
public class Casework {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Person person, List<Share> shares, List<Notice> notices, List<Paused> paused, String done);

        static native TemplateInstance referrals(Person person, String childId, boolean overdueOnly, List<Referral> referrals);

        static native TemplateInstance team(Person person, String childId, Team team, CaseSummary summary);
    }

    /** A share in the inbox: exactly what was sent. */
    public record Share(String shareId, String childId, String child, String from, String purpose, String sharedAt, List<String> concerns, String note) {
    }

    /** A break-glass opening of the agency's records. */
    public record Notice(String grantId, String who, String agency, String justification, String grantedAt, String until) {
    }

    /** The agency's webhook subscription, paused because its callback kept failing. */
    public record Paused(String noticeId, String subscriptionId, String host, int failedAttempts, String since, String lastError,
                         String pausedAt) {
    }

    /** A referral with its clocks, in full or as a headline. */
    public record Referral(String referralId, String childId, String child, String from, String to, String status, String madeAt,
                           String urgency, String reason, List<Clock> clocks, boolean overdue, boolean headline,
                           String whomToCall) {
    }

    /** A statutory clock: what must happen by when, and where it stands. */
    public record Clock(String name, String dueBy, String status, String tag) {
    }

    /** A Team Around the Child, in full or as a headline. */
    public record Team(boolean headline, String formedAt, List<Member> members, String leadProfessional,
                      List<Action> actions, List<Review> reviews, String nextReviewBy, boolean reviewOverdue,
                      boolean wholePlan, String agencies, String whomToCall, List<Wellbeing> wellbeing,
                      Assessment assessment) {
    }

    /**
     * The early help assessment the team works from: its outcome, the current version's findings per domain,
     * and the family's own words when the reader may see them ({@code familyWordsWithheld} otherwise).
     */
    public record Assessment(String outcome, String completedOn, int version, String consent, List<Finding> findings,
                             String childsVoice, String parentsViews, boolean familyWordsWithheld) {
    }

    /** One domain of the assessment: its strengths and its needs, each need with the indicators it bears on. */
    public record Finding(String domain, List<String> strengths, List<String> needs) {
    }

    /** A SHANARRI indicator the team rates: each review's rating in words, oldest first, and the trend. */
    public record Wellbeing(String indicator, List<String> ratings, String trend) {
    }

    /** A member: a practitioner of an agency, or a parent or carer. */
    public record Member(String name, String role, String agency, boolean leadProfessional, boolean active) {
    }

    /** An agreed action with its one owner. */
    public record Action(String actionId, String description, String owner, String dueOn, String status, boolean overdue,
                         boolean open) {
    }

    /** A review of the plan: when, and what was decided. */
    public record Review(String heldOn, List<String> decisions) {
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Person person;
    private final ConcernApi concerns;
    private final ReferralApi referrals;
    private final Csrf csrf;
    private final CaseSummaries summaries;
    private final ChildNames childNames;
    private final Agencies agencies;

    @jakarta.inject.Inject
    People people;

    public Casework(Person person, @RestClient ConcernApi concerns, @RestClient ReferralApi referrals,
                    Csrf csrf, CaseSummaries summaries, ChildNames childNames,
                    Agencies agencies) {
        this.summaries = summaries;
        this.agencies = agencies;
        this.childNames = childNames;
        this.person = person;
        this.concerns = concerns;
        this.referrals = referrals;
        this.csrf = csrf;
    }

    @GET
    @Path("inbox")
    public TemplateInstance inbox(@QueryParam("done") String done) {
        List<Share> shares = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        List<Paused> paused = new ArrayList<>();
        for (JsonNode item : concerns.inbox()) {
            if ("webhook-paused".equals(item.path("kind").asText())) {
                paused.add(new Paused(item.path("noticeId").asText(), item.path("subscriptionId").asText(),
                        item.path("callbackHost").asText(), item.path("failedAttempts").asInt(),
                        ChronologyView.when(item.path("failingSince").asText(null)), item.path("lastError").asText(null),
                        ChronologyView.when(item.path("pausedAt").asText(null))));
            } else if ("emergency-access".equals(item.path("kind").asText())) {
                JsonNode g = item.path("grant");
                String agencyName = agencies.name(g.path("agencyId").asText());
                notices.add(new Notice(item.path("grantId").asText(), people.name(g.path("grantedTo").asText(), agencyName),
                        agencyName,
                        g.path("justification").asText(), ChronologyView.when(g.path("grantedAt").asText(null)),
                        ChronologyView.when(g.path("expiresAt").asText(null))));
            } else {
                JsonNode s = item.path("share");
                List<String> sent = new ArrayList<>();
                item.path("concerns").forEach(c -> sent.add(Labels.words(c.path("category").asText()) + ": "
                        + c.path("description").asText()));
                shares.add(new Share(s.path("shareId").asText(), s.path("childId").asText(), childNames.of(s.path("childId").asText()),
                        agencies.name(s.path("fromAgency").asText()),
                        Labels.words(s.path("purpose").asText()).toLowerCase(java.util.Locale.ROOT), ChronologyView.when(s.path("sharedAt").asText(null)), sent,
                        s.path("note").asText(null)));
            }
        }
        return Templates.inbox(person, shares, notices, paused, done);
    }

    @POST
    @Path("inbox/shares/{shareId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledgeShare(@PathParam("shareId") String shareId, @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        concerns.acknowledgeShare(UUID.fromString(shareId).toString());
        return Response.seeOther(URI.create("/inbox?done=share")).build();
    }

    @POST
    @Path("inbox/notices/{grantId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledgeNotice(@PathParam("grantId") String grantId, @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        concerns.acknowledgeNotice(UUID.fromString(grantId).toString());
        return Response.seeOther(URI.create("/inbox?done=notice")).build();
    }

    @POST
    @Path("inbox/webhook-notices/{noticeId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledgeWebhookNotice(@PathParam("noticeId") String noticeId, @FormParam(Csrf.FIELD) String token) {
        csrf.check(token);
        concerns.acknowledgeWebhookNotice(UUID.fromString(noticeId).toString());
        return Response.seeOther(URI.create("/inbox?done=notice")).build();
    }

    @GET
    @Path("referrals")
    public TemplateInstance referrals(@QueryParam("childId") String childId, @QueryParam("overdue") String overdue) {
        String child = childId == null || childId.isBlank() ? null : uuid(childId);
        boolean late = "true".equals(overdue);
        List<Referral> found = new ArrayList<>();
        for (JsonNode r : referrals.referrals(child, late ? "true" : null, 100).path("referrals")) {
            boolean headline = "headline".equals(r.path("visibility").asText());
            List<Clock> clocks = new ArrayList<>();
            r.path("clocks").forEach(c -> {
                String status = c.path("status").asText();
                clocks.add(new Clock(Labels.words(c.path("clock").asText()), ChronologyView.deadline(c.path("dueBy").asText(null)),
                        Labels.words(status), switch (status) {
                            case "overdue", "met-late" -> "govuk-tag--red";
                            case "met" -> "govuk-tag--green";
                            case "running" -> "govuk-tag--blue";
                            default -> "govuk-tag--grey";
                        }));
            });
            found.add(new Referral(r.path("referralId").asText(), r.path("childId").asText(),
                    childNames.of(r.path("childId").asText()),
                    agencies.name(r.path("fromAgency").asText()),
                    agencies.name(r.path("toAgency").asText()),
                    Labels.words(r.path("status").asText()), ChronologyView.when(r.path("madeAt").asText(null)),
                    Labels.words(headline ? r.path("headline").path("category").asText() : r.path("urgency").asText()),
                    headline ? null : r.path("reason").asText(null), clocks, r.path("overdue").asBoolean(), headline,
                    headline ? whomToCall(r.path("headline").path("whomToCall")) : null));
        }
        return Templates.referrals(person, child, late, found);
    }

    @GET
    @Path("children/{childId}/team")
    public TemplateInstance team(@PathParam("childId") String childId) {
        String child = uuid(childId);
        CaseSummary summary = summaries.of(child, List.of());
        JsonNode teams = referrals.teams(child, 1).path("teams");
        if (teams.isEmpty()) {
            return Templates.team(person, child, null, summary);
        }
        JsonNode t = teams.get(0);
        Map<String, String> agencyNames = agencies.names();
        if ("headline".equals(t.path("visibility").asText())) {
            List<String> agencies = new ArrayList<>();
            t.path("agencies").forEach(a -> agencies.add(agencyNames.getOrDefault(a.asText(), "An agency no longer in the directory")));
            return Templates.team(person, child, new Team(true, ChronologyView.when(t.path("formedAt").asText(null)), List.of(),
                    null, List.of(), List.of(), null, false, false, String.join(", ", agencies),
                    whomToCall(t.path("headline").path("whomToCall")), List.of(), null), summary);
        }
        String lead = t.path("leadProfessional").asText("");
        Map<String, String> names = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (JsonNode m : t.path("members")) {
            boolean carer = !m.path("agencyId").isTextual();
            String name = memberName(m, agencies);
            names.put(m.path("memberId").asText(), name);
            members.add(new Member(name, m.path("role").asText(""), carer ? "Parent or carer"
                    : agencyNames.getOrDefault(m.path("agencyId").asText(), "An agency no longer in the directory"),
                    lead.equals(m.path("memberId").asText()), m.path("active").asBoolean(true)));
        }
        List<Action> actions = new ArrayList<>();
        t.path("actions").forEach(a -> actions.add(new Action(a.path("actionId").asText(), a.path("description").asText(),
                names.getOrDefault(a.path("ownerMemberId").asText(), "A former member"), day(a.path("dueOn").asText(null)),
                Labels.words(a.path("status").asText()), a.path("overdue").asBoolean(), "open".equals(a.path("status").asText()))));
        List<Review> reviews = new ArrayList<>();
        t.path("reviews").forEach(r -> reviews.add(new Review(day(r.path("heldOn").asText(null)),
                StreamSupport.stream(r.path("decisions").spliterator(), false).map(JsonNode::asText).toList())));
        List<Wellbeing> wellbeing = new ArrayList<>();
        t.path("wellbeingProgress").forEach(w -> {
            List<String> ratings = new ArrayList<>();
            w.path("ratings").forEach(p -> ratings.add(day(p.path("heldOn").asText(null)) + ": "
                    + Labels.words(p.path("level").asText()) + " (" + p.path("score").asInt() + " of 5)"));
            wellbeing.add(new Wellbeing(Labels.words(w.path("indicator").asText()), ratings, Labels.words(w.path("trend").asText())));
        });
        return Templates.team(person, child, new Team(false, ChronologyView.when(t.path("formedAt").asText(null)), members,
                names.get(lead), actions, reviews, day(t.path("nextReviewBy").asText(null)),
                t.path("reviewOverdue").asBoolean(), t.path("wholePlan").asBoolean(true), null, null, wellbeing,
                assessment(t.path("assessmentId").asText(null))), summary);
    }

    /** The assessment a team works from, as referral-service shows it to this reader; null when none. */
    private Assessment assessment(String assessmentId) {
        if (assessmentId == null || assessmentId.isBlank()) {
            return null;
        }
        JsonNode a = referrals.assessment(assessmentId);
        JsonNode current = a.path("current");
        List<Finding> findings = new ArrayList<>();
        current.path("domains").forEach(d -> {
            List<String> strengths = new ArrayList<>();
            d.path("strengths").forEach(s -> strengths.add(s.asText()));
            List<String> needs = new ArrayList<>();
            d.path("needs").forEach(n -> needs.add(n.path("description").asText() + " ("
                    + String.join(", ", StreamSupport.stream(n.path("indicators").spliterator(), false)
                    .map(i -> Labels.words(i.asText())).toList()) + ")"));
            findings.add(new Finding(d.path("name").asText(), strengths, needs));
        });
        JsonNode outcome = a.path("outcome");
        return new Assessment(Labels.words(outcome.path("outcome").asText("in-progress")),
                ChronologyView.when(outcome.path("completedAt").asText(null)), current.path("version").asInt(),
                Labels.words(a.path("consent").path("status").asText("")), findings, current.path("childsVoice").asText(null),
                current.path("parentsViews").asText(null), "withheld".equals(a.path("familyWords").asText()));
    }

    /** A path id that is not an id names nothing: "Page not found", as for one that does not exist. */
    static String uuid(String id) {
        try {
            return UUID.fromString(id.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    /** A date as people write it: 19 December 2026. */
    static String day(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return null;
        }
        return java.time.LocalDate.parse(isoDate).format(DAY);
    }

    /**
     * A member as a person reads them: their name; a practitioner recorded without one by role and agency,
     * never by an id or a username.
     */
    static String memberName(JsonNode m, Agencies agencies) {
        if (m.path("name").isTextual() && !m.path("name").asText().isBlank()) {
            return m.path("name").asText();
        }
        String role = m.path("role").asText("");
        String agency = m.path("agencyId").isTextual() ? agencies.name(m.path("agencyId").asText()) : "";
        return Stream.of(role.isBlank() ? "A practitioner" : role, agency).filter(x -> !x.isBlank())
                .reduce((a, b) -> a + ", " + b).orElse("A practitioner");
    }

    static String whomToCall(JsonNode w) {
        return String.join(", ", Stream.of(w.path("name").asText(null), w.path("mailbox").asText(null),
                w.path("phone").asText(null)).filter(x -> x != null && !x.isBlank()).toList());
    }
}
