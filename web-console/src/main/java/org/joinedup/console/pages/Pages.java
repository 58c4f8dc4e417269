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
import org.joinedup.console.api.DirectoryApi;
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
    static final List<String> KINDS = List.of("concern", "share", "flag", "referral", "team", "child-record",
            "emergency-access");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Person person);

        static native TemplateInstance search(Person person, Search search, Map<String, String> errors, List<Found> results,
                                              boolean searched);

        static native TemplateInstance chronology(Person person, ChronologyView view, List<String> recordedAs,
                                                  ChronologyView.Filters filters, Map<String, String> errors,
                                                  List<Option> agencies, List<Option> kinds, List<Option> categories,
                                                  List<Option> indicators);

        static native TemplateInstance problem(Person person, String title, String message);
    }

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
    private final DirectoryApi directory;

    public Pages(Person person, @RestClient ConcernApi concerns, @RestClient AuditApi audit,
                 @RestClient DirectoryApi directory) {
        this.person = person;
        this.concerns = concerns;
        this.audit = audit;
        this.directory = directory;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(person);
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
            org.joinedup.console.api.Problems.fieldErrors(e).forEach((field, message) -> errors.put(field,
                    Labels.sentence(message)));
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
                                       @QueryParam("page") String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        ChronologyView.Filters filters = new ChronologyView.Filters(empty(agencyId), empty(kind), empty(category),
                empty(indicator), empty(from), empty(to), "oldest".equals(order) ? "oldest" : "newest");
        String fromInstant = date(errors, "from", filters.from(), false);
        String toInstant = date(errors, "to", filters.to(), true);
        int p = 1;
        try {
            p = page == null ? 1 : Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            errors.put("page", "Page must be a number");
        }
        Map<String, String> names = agencyNames();
        List<Option> agencies = new ArrayList<>();
        names.forEach((id, name) -> agencies.add(new Option(id, name, id.equals(filters.agencyId()))));
        List<Option> kinds = KINDS.stream().map(k -> new Option(k, Labels.words(k), k.equals(filters.kind()))).toList();
        List<Option> categories = Arrays.stream(ConcernCategory.values()).map(WireNamed::wireName)
                .map(c -> new Option(c, Labels.words(c), c.equals(filters.category()))).toList();
        List<Option> indicators = Arrays.stream(WellbeingIndicator.values()).map(WireNamed::wireName)
                .map(i -> new Option(i, Labels.words(i), i.equals(filters.indicator()))).toList();
        if (!errors.isEmpty()) {
            return Templates.chronology(person, null, List.of(), filters, errors, agencies, kinds, categories, indicators);
        }
        JsonNode c = audit.chronology(uuid(childId), filters.agencyId(), filters.category(), filters.indicator(),
                filters.kind(), fromInstant, toInstant, filters.order(), (p - 1) * PER_PAGE, PER_PAGE);
        ChronologyView view = ChronologyView.of(childId, c, p, PER_PAGE, names, filters);
        return Templates.chronology(person, view, recordedAs(childId), filters, errors, agencies, kinds, categories,
                indicators);
    }

    /**
     * How the child was recorded, as far as the person may see (a lead reads the child record; a practitioner's
     * agency view has the identifications of its own concerns).
     */
    List<String> recordedAs(String childId) {
        if (!person.lead()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        concerns.childRecord(childId).path("identifications").forEach(i -> ids.add(identification(i)));
        return ids.stream().distinct().toList();
    }

    /** Every agency's name, from the directory, to show agencies by name. */
    Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        directory.agencies().forEach(a -> names.put(a.path("agencyId").asText(), a.path("name").asText()));
        return names;
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
