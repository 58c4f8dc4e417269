package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.AuditApi;
import org.joinedup.console.api.DirectoryApi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partnership's measures for an area and a period (docs/measures.md), as audit-service computes them
 * from the ledger: a safeguarding lead sees its own agency's area, an inspector chooses one. Downloadable
 * as CSV.
 */
@Path("/measures")
@RolesAllowed({"safeguarding-lead", "inspector"})
public class Measures {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Person person, Form form, Map<String, String> errors, List<Section> sections,
                                            String csv);
    }

    /** What the form asks: the area (fixed for a lead), the period. */
    public record Form(String area, boolean areaFixed, String from, String to) {
    }

    /** One table of the page: a heading and rows of a label, a figure in words, and a rate. */
    public record Section(String id, String heading, List<Row> rows) {
    }

    public record Row(String label, String figure, String rate) {
    }

    private final Person person;
    private final AuditApi audit;
    private final DirectoryApi directory;

    @jakarta.inject.Inject
    Agencies agencyNames;

    public Measures(Person person, @RestClient AuditApi audit, @RestClient DirectoryApi directory) {
        this.person = person;
        this.audit = audit;
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to) {
        Form form = form(area, from, to);
        Map<String, String> errors = check(form);
        if (!errors.isEmpty() || form.area() == null) {
            return Templates.page(person, form, errors, List.of(), null);
        }
        JsonNode m = audit.measures(form.area(), form.from(), form.to());
        String csv = "/measures/export.csv?area=" + java.net.URLEncoder.encode(form.area(), java.nio.charset.StandardCharsets.UTF_8)
                + "&from=" + form.from() + "&to=" + form.to();
        return Templates.page(person, form, errors, sections(m), csv);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to) {
        Form form = form(area, from, to);
        if (!check(form).isEmpty() || form.area() == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("Choose an area and a period with dates such as 2026-11-01.")
                    .build();
        }
        return Response.ok(audit.measuresCsv(form.area(), form.from(), form.to()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"measures-" + form.from() + "-" + form.to() + ".csv\"")
                .build();
    }

    /** A lead's area is its agency's; an inspector's is what it asked for. The period defaults to the last 30 days. */
    private Form form(String area, String from, String to) {
        LocalDate today = LocalDate.now(LONDON);
        String f = blank(from) ? today.minusDays(30).toString() : from.strip();
        String t = blank(to) ? today.toString() : to.strip();
        if (person.inspector()) {
            return new Form(blank(area) ? null : area.strip(), false, f, t);
        }
        String own = null;
        for (JsonNode a : directory.agencies()) {
            if (a.path("agencyId").asText().equals(person.agencyId())) {
                own = a.path("area").asText(null);
            }
        }
        return new Form(own, true, f, t);
    }

    private static Map<String, String> check(Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(form.from());
        LocalDate to = date(form.to());
        if (from == null) {
            errors.put("from", "From must be a date, for example 2026-11-01");
        }
        if (to == null) {
            errors.put("to", "To must be a date, for example 2026-11-30");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "To must be the same as or after from");
        }
        if (from != null && to != null && java.time.temporal.ChronoUnit.DAYS.between(from, to) >= 3 * 366) {
            errors.put("to", "The period must be at most three years");
        }
        return errors;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    List<Section> sections(JsonNode m) {
        List<Section> sections = new ArrayList<>();
        JsonNode r = m.path("referrals");
        List<Row> referrals = new ArrayList<>();
        referrals.add(new Row("Referrals made", r.path("made").asText(), ""));
        referrals.add(ratio("Decided within one working day", r.path("decidedWithinOneWorkingDay")));
        referrals.add(ratio("Assessed within 45 working days", r.path("assessedWithin45WorkingDays")));
        referrals.add(ratio("Re-referred within 12 months", r.path("reReferralsWithin12Months")));
        r.path("byReferringAgency").forEach(a -> referrals.add(ratio("Decided within one working day, referred by "
                + agencyNames.name(a.path("agencyId").asText()), a.path("decidedWithinOneWorkingDay"))));
        sections.add(new Section("measures-referrals", "Referrals", referrals));

        JsonNode s = m.path("shares");
        List<Row> shares = new ArrayList<>();
        shares.add(new Row("Shares made", s.path("made").asText(), ""));
        shares.add(ratio("Acknowledged", s.path("acknowledged")));
        shares.add(new Row("Hours to acknowledge", "median " + s.path("hoursToAcknowledge").path("median").asText()
                + ", 90th percentile " + s.path("hoursToAcknowledge").path("p90").asText(), ""));
        shares.add(new Row("Declined", s.path("declined").asText(), ""));
        s.path("declinedReasons").forEach(d -> shares.add(new Row("Declined because: " + d.path("reasons").asText(),
                d.path("count").asText(), "")));
        shares.add(ratio("Shared without an agreement (override)", s.path("overrides")));
        sections.add(new Section("measures-shares", "Information sharing", shares));

        JsonNode t = m.path("teams");
        List<Row> teams = new ArrayList<>();
        teams.add(new Row("Teams formed", t.path("formed").asText(), ""));
        JsonNode first = t.path("assessmentToFirstMeeting");
        teams.add(new Row("From early help assessment to first meeting", first.path("met").asText() + " of "
                + first.path("teams").asText() + " teams met, median " + first.path("medianDays").asText() + " days; "
                + first.path("waiting").asText() + " waiting", ""));
        teams.add(ratio("Reviews held on time", t.path("reviewsOnTime")));
        teams.add(new Row("Reviews missed", t.path("reviewsMissed").asText(), ""));
        t.path("actionsOnTime").forEach(a -> teams.add(ratio("Actions done on time: " + who(a), a.path("ratio"))));
        t.path("attendance").forEach(a -> teams.add(ratio("Attended reviews: " + who(a), a.path("ratio"))));
        sections.add(new Section("measures-teams", "Teams Around the Child", teams));

        JsonNode i = m.path("involvement");
        List<Row> involvement = new ArrayList<>();
        i.path("agencyKinds").forEach(k -> involvement.add(ratio(Labels.words(k.path("kind").asText()) + ": in the teams of "
                + "the children they raised " + k.path("concernsRaised").asText() + " concerns about", k.path("inTeams"))));
        i.path("agreementsNeverUsed").forEach(a -> involvement.add(new Row("Agreement never used: " + a.path("title").asText(),
                "0 shares", "")));
        i.path("agreementsUsedWithoutReview").forEach(a -> involvement.add(new Row("Agreement used after its review date ("
                + a.path("reviewDate").asText() + "): " + a.path("title").asText(), a.path("sharesAfterReviewDate").asText()
                + " shares", "")));
        sections.add(new Section("measures-involvement", "Who is involved", involvement));

        JsonNode w = m.path("wellbeing");
        sections.add(new Section("measures-wellbeing", "Children's wellbeing", List.of(
                new Row("Teams with two or more rated reviews", w.path("teamsRated").asText(), ""),
                ratio("Ratings improved, first to latest review", w.path("improved")),
                new Row("Unchanged", w.path("unchanged").asText(), ""),
                new Row("Worse", w.path("worse").asText(), ""))));
        return sections;
    }

    private String who(JsonNode a) {
        String id = a.path("agencyId").asText();
        return "parents-and-carers".equals(id) ? "parents and carers" : agencyNames.name(id);
    }

    private static Row ratio(String label, JsonNode r) {
        String figure = r.path("count").asText() + " of " + r.path("of").asText()
                + (r.path("pending").asInt() > 0 ? " (" + r.path("pending").asText() + " not yet due)" : "");
        return new Row(label, figure, Math.round(r.path("rate").asDouble() * 100) + "%");
    }
}
