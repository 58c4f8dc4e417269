package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.AuditApi;
import org.joinedup.console.api.ConcernApi;
import org.joinedup.events.WireNamed;
import org.joinedup.events.concern.ConcernCategory;
import org.joinedup.events.concern.WellbeingIndicator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The console's pages for finding a child and reading the joined-up chronology. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class Pages {
    static final int PER_PAGE = 25;
    /** The significant entries shown at once: enough that a child's concerns are on the first screen. */
    static final int SIGNIFICANT_PER_PAGE = 50;
    static final List<String> KINDS = List.of("concern", "share", "flag", "referral", "team", "child-record",
            "emergency-access");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Person person, Search search, Map<String, String> errors, List<Found> results,
                                              boolean searched);

        static native TemplateInstance chronology(Person person, CaseSummary summary, ChronologyView significant,
                                                  ChronologyView view, boolean showAll, ChronologyView.Filters filters,
                                                  Map<String, String> errors, List<Option> agencies, List<Option> kinds,
                                                  List<Option> categories, List<Option> indicators);

        static native TemplateInstance problem(Person person, String title, String message, String emergencyChildId);
    }

    /** The search form's fields by the API's names, for the messages. */
    static final Map<String, org.joinedup.console.forms.Messages.Field> SEARCH_FIELDS = org.joinedup.console.forms.Messages.form(
            "nhsNumber", org.joinedup.console.forms.Messages.Field.typed("nhsNumber", "NHS number"),
            "familyName", org.joinedup.console.forms.Messages.Field.typed("familyName", "Family name"),
            "givenName", org.joinedup.console.forms.Messages.Field.typed("givenName", "Given name"),
            "dateOfBirth", org.joinedup.console.forms.Messages.Field.typed("dateOfBirth", "Date of birth"),
            "ageYears", org.joinedup.console.forms.Messages.Field.typed("dateOfBirth", "The approximate age"));

    /** A choice in a select box. */
    public record Option(String value, String text, boolean selected) {
    }

    /** What a person searched with, as the form shows it again. */
    public record Search(String by, String nhsNumber, String familyName, String givenName, String dobDay, String dobMonth,
                         String dobYear, String ageYears) {
    }

    /** A record that may be the child sought. */
    public record Found(String childId, int percent, String evidence, List<String> identifications, String basis) {
    }

    private final Person person;
    private final ConcernApi concerns;
    private final AuditApi audit;
    private final Agencies agencies;
    private final CaseSummaries summaries;

    public Pages(Person person, @RestClient ConcernApi concerns, @RestClient AuditApi audit, Agencies agencies,
                 CaseSummaries summaries) {
        this.person = person;
        this.concerns = concerns;
        this.audit = audit;
        this.agencies = agencies;
        this.summaries = summaries;
    }

    @GET
    @Path("children/search")
    public TemplateInstance search(@QueryParam("by") String by, @QueryParam("nhsNumber") String nhsNumber,
                                   @QueryParam("familyName") String familyName, @QueryParam("givenName") String givenName,
                                   @QueryParam("dobDay") String day, @QueryParam("dobMonth") String month,
                                   @QueryParam("dobYear") String year, @QueryParam("ageYears") String ageYears) {
        Search search = new Search(by == null ? "nhs" : by, nhsNumber, familyName, givenName, day, month, year, ageYears);
        Map<String, String> errors = new LinkedHashMap<>();
        if (by == null) {
            return Templates.search(person, search, errors, List.of(), false);
        }
        String dob = null;
        if ("nhs".equals(by)) {
            if (blank(nhsNumber)) {
                errors.put("nhsNumber", "Enter an NHS number");
            }
        } else {
            if (blank(familyName)) {
                errors.put("familyName", "Enter a family name");
            }
            if (blank(givenName)) {
                errors.put("givenName", "Enter a given name");
            }
            if (!blank(day) || !blank(month) || !blank(year)) {
                try {
                    dob = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                            Integer.parseInt(day.strip())).toString();
                } catch (RuntimeException e) {
                    errors.put("dateOfBirth", "Date of birth must be a real date, for example 9 5 2018");
                }
            } else if (blank(ageYears)) {
                errors.put("dateOfBirth", "Enter a date of birth, or an approximate age");
            }
        }
        if (!errors.isEmpty()) {
            return Templates.search(person, search, errors, List.of(), false);
        }
        JsonNode found;
        try {
            found = "nhs".equals(by) ? concerns.findChild(nhsNumber.strip(), null, null, null, null)
                    : concerns.findChild(null, familyName.strip(), givenName.strip(), dob, dob == null ? ageYears : null);
        } catch (jakarta.ws.rs.WebApplicationException e) {
            if (org.joinedup.console.api.Problems.status(e) != 400) {
                throw e;
            }
            errors.putAll(org.joinedup.console.forms.Messages.of(org.joinedup.console.api.Problems.refusal(e), SEARCH_FIELDS));
            return Templates.search(person, search, errors, List.of(), false);
        }
        List<Found> results = new ArrayList<>();
        for (JsonNode f : found) {
            List<String> ids = new ArrayList<>();
            f.path("identifications").forEach(i -> ids.add(identification(i)));
            List<String> reasons = new ArrayList<>();
            f.path("reasons").forEach(r -> reasons.add(r.asText()));
            results.add(new Found(f.path("childId").asText(), (int) Math.round(f.path("score").asDouble() * 100),
                    Labels.words(String.join("; ", reasons)), ids, basis(f.path("basis").asText())));
        }
        return Templates.search(person, search, errors, results, true);
    }

    @GET
    @Path("children/{childId}")
    public TemplateInstance chronology(@PathParam("childId") String childId, @QueryParam("agencyId") String agencyId,
                                       @QueryParam("kind") String kind, @QueryParam("category") String category,
                                       @QueryParam("indicator") String indicator, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("order") String order,
                                       @QueryParam("page") String page, @QueryParam("all") String all,
                                       @QueryParam("spage") String spage) {
        String id = uuid(childId);
        Map<String, String> errors = new LinkedHashMap<>();
        ChronologyView.Filters filters = new ChronologyView.Filters(empty(agencyId), empty(kind), empty(category),
                empty(indicator), empty(from), empty(to), "oldest".equals(order) ? "oldest" : "newest");
        String fromInstant = date(errors, "from", filters.from(), false);
        String toInstant = date(errors, "to", filters.to(), true);
        int p = number(errors, "page", page);
        int sp = number(errors, "spage", spage);
        boolean showAll = "true".equals(all) || filters.any() || page != null || order != null;
        Map<String, String> names = agencies.names();
        List<Option> agencyOptions = new ArrayList<>();
        names.forEach((agency, name) -> agencyOptions.add(new Option(agency, name, agency.equals(filters.agencyId()))));
        List<Option> kinds = KINDS.stream().map(k -> new Option(k, Labels.words(k), k.equals(filters.kind()))).toList();
        List<Option> categories = Arrays.stream(ConcernCategory.values()).map(WireNamed::wireName)
                .map(c -> new Option(c, Labels.words(c), c.equals(filters.category()))).toList();
        List<Option> indicators = Arrays.stream(WellbeingIndicator.values()).map(WireNamed::wireName)
                .map(i -> new Option(i, Labels.words(i), i.equals(filters.indicator()))).toList();
        // What matters most first, whatever the filters: a bad filter never hides the child or her concerns.
        JsonNode s = audit.entries(id, "significant", null, "newest", (sp - 1) * SIGNIFICANT_PER_PAGE, SIGNIFICANT_PER_PAGE);
        ChronologyView significant = ChronologyView.of(id, s, sp, SIGNIFICANT_PER_PAGE, names, ChronologyView.Filters.NONE);
        ChronologyView view = null;
        if (showAll && errors.isEmpty()) {
            JsonNode c = audit.chronology(id, filters.agencyId(), filters.category(), filters.indicator(),
                    filters.kind(), fromInstant, toInstant, filters.order(), (p - 1) * PER_PAGE, PER_PAGE);
            view = ChronologyView.of(id, c, p, PER_PAGE, names, filters);
        }
        List<String> involved = significant.entries().stream().map(ChronologyView.Entry::agencyId)
                .filter(a -> a != null && !a.isBlank()).distinct().toList();
        CaseSummary summary = summaries.of(id, involved);
        return Templates.chronology(person, summary, significant, view, showAll, filters, errors, agencyOptions, kinds,
                categories, indicators);
    }

    /** The child's whole chronology as a PDF, as the lead's agency may see it: every entry, oldest first. */
    @GET
    @Path("children/{childId}/chronology.pdf")
    @Produces("application/pdf")
    public jakarta.ws.rs.core.Response pdf(@PathParam("childId") String childId) {
        String id = uuid(childId);
        List<ChronologyView.Entry> entries = new ArrayList<>();
        Map<String, String> names = agencies.names();
        String basis = null;
        for (int offset = 0; offset < MAX_PDF_ENTRIES; offset += 1000) {
            JsonNode c = audit.chronology(id, null, null, null, null, null, null, "oldest", offset, 1000);
            ChronologyView page = ChronologyView.of(id, c, 1, 1000, names, ChronologyView.Filters.NONE);
            basis = page.basis();
            entries.addAll(page.entries());
            if (page.entries().size() < 1000) {
                break;
            }
        }
        CaseSummary summary = summaries.of(id, List.of());
        List<String> about = new ArrayList<>();
        about.add((summary.born() == null ? "Date of birth not known" : "Born " + summary.born())
                + (summary.nhsNumber() == null ? "" : "; NHS number " + summary.nhsNumber()));
        about.add(basis(basis == null ? "" : basis) + ". " + entries.size() + (entries.size() == 1 ? " entry" : " entries")
                + ", oldest first.");
        about.add("Made " + ChronologyView.WHEN.format(java.time.Instant.now()) + " by " + person.name() + ".");
        byte[] pdf = ChronologyPdf.render(new ChronologyPdf.Heading("Chronology of " + summary.name(), about), entries);
        return jakarta.ws.rs.core.Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"chronology-" + id + ".pdf\"").build();
    }

    /** At most this many entries go into one PDF. */
    static final int MAX_PDF_ENTRIES = 20_000;

    /** A page number from the address: 1 when absent; an error naming the field when it is not a number. */
    private static int number(Map<String, String> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            errors.put(field, "Page must be a number, like 2");
            return 1;
        }
    }

    static String identification(JsonNode i) {
        List<String> parts = new ArrayList<>();
        String names = String.join(" ", java.util.stream.Stream.of(i.path("givenName").asText(null),
                i.path("familyName").asText(null)).filter(s -> s != null && !s.isBlank()).toList());
        if (!names.isBlank()) {
            parts.add(names);
        }
        if (i.path("dateOfBirth").isTextual() && i.path("dateOfBirthEstimated").asBoolean(false)) {
            parts.add("born about " + LocalDate.parse(i.path("dateOfBirth").asText())
                    .format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK)) + " (estimated)");
        } else if (i.path("dateOfBirth").isTextual()) {
            parts.add("born " + LocalDate.parse(i.path("dateOfBirth").asText())
                    .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        }
        if (i.path("nhsNumber").isTextual()) {
            parts.add("NHS number " + i.path("nhsNumber").asText());
        }
        if (i.path("postcode").isTextual()) {
            parts.add(i.path("postcode").asText());
        }
        i.path("aliases").forEach(a -> parts.add("also known as " + (a.path("givenName").asText("") + " "
                + a.path("familyName").asText("")).strip()));
        if (i.path("description").isTextual()) {
            parts.add("described as \u201c" + i.path("description").asText() + "\u201d");
        }
        return parts.isEmpty() ? "No identifying details you may see" : String.join(", ", parts);
    }

    static String basis(String basis) {
        return switch (basis) {
            case "front-door" -> "Your agency is this child's front door";
            case "emergency-access" -> "You opened this child's records in an emergency";
            case "inspector" -> "Inspector";
            default -> "Your agency is involved with this child";
        };
    }

    private static String date(Map<String, String> errors, String field, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            return ChronologyView.instant(value, endOfDay);
        } catch (DateTimeParseException e) {
            errors.put(field, ("from".equals(field) ? "From" : "To") + " must be a date, for example 2026-11-08");
            return null;
        }
    }

    /** A path id that is not a child id names no child: the same "not found" as for one that does not exist. */
    private static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String empty(String s) {
        return blank(s) ? null : s.strip();
    }
}
