package org.joinedup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.joinedup.console.api.InspectionApi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An inspector's view: the ledger's verification and checkpoints; a child's chronology as it stood at a moment, who read it, its export. */
@Path("/inspection")
@RolesAllowed("inspector")
@Produces(MediaType.TEXT_HTML)
public class Inspection {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(Person person, Verification verification, Checkpoints checkpoints,
                                              Map<String, String> errors, String nhsNumber, List<Pages.Found> found,
                                              boolean searched);

        static native TemplateInstance child(Person person, String childId, String asOf, String asOfShown, ChronologyView view,
                                             AccessLog log, Map<String, String> errors);
    }

    /** What verifying the whole ledger found. */
    public record Verification(boolean asked, boolean intact, long checked, String headHash, String firstBreak) {
    }

    /** The signed checkpoints of the ledger's head, published outside the database. */
    public record Checkpoints(boolean configured, int count, boolean allHold, String latestSeq, String latestSignedAt,
                              String latestHash, String keyId) {
    }

    /** A page of the access log with its filters, as the page shows them. */
    public record AccessLog(List<Access> accesses, long total, int page, int pages, String agencyId, String basis,
                            List<Pages.Option> agencies, List<Pages.Option> bases, String query) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    static final int ACCESSES_PER_PAGE = 50;
    static final List<String> BASES = List.of("front-door", "relationship", "own-agency", "emergency-access", "inspector", "refused");

    /** One read of the child's records, or one refusal. */
    public record Access(String when, String who, String agency, String what, String outcome, String basis, String purpose) {
    }

    private final Person person;
    private final InspectionApi inspection;
    private final Agencies agencies;
    private final People people;
    private final org.joinedup.console.api.ConcernApi concerns;

    public Inspection(Person person, @RestClient InspectionApi inspection, Agencies agencies, People people,
                      @RestClient org.joinedup.console.api.ConcernApi concerns) {
        this.person = person;
        this.inspection = inspection;
        this.agencies = agencies;
        this.people = people;
        this.concerns = concerns;
    }

    @GET
    public TemplateInstance ledger(@QueryParam("verify") String verify, @QueryParam("childId") String childId,
                                   @QueryParam("nhsNumber") String nhsNumber) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (childId != null) {
            try {
                return child(UUID.fromString(childId.strip()).toString(), null, null, null, null);
            } catch (IllegalArgumentException e) {
                errors.put("childId", "Enter a child record id as the access log or an export gives it");
            }
        }
        List<Pages.Found> found = new ArrayList<>();
        boolean searched = false;
        if (nhsNumber != null) {
            if (nhsNumber.isBlank()) {
                errors.put("nhsNumber", "Enter an NHS number");
            } else {
                try {
                    for (JsonNode f : concerns.findChild(nhsNumber.strip(), null, null, null, null)) {
                        List<String> ids = new ArrayList<>();
                        f.path("identifications").forEach(i -> ids.add(Pages.identification(i)));
                        found.add(new Pages.Found(f.path("childId").asText(), 100, "", ids.stream().distinct().toList(),
                                Pages.basis(f.path("basis").asText())));
                    }
                    searched = true;
                } catch (jakarta.ws.rs.WebApplicationException e) {
                    if (org.joinedup.console.api.Problems.status(e) != 400) {
                        throw e;
                    }
                    errors.putAll(org.joinedup.console.forms.Messages.of(org.joinedup.console.api.Problems.refusal(e),
                            org.joinedup.console.forms.Messages.form("nhsNumber",
                                    org.joinedup.console.forms.Messages.Field.typed("nhsNumber", "NHS number"))));
                }
            }
        }
        Verification verification = new Verification(false, false, 0, null, null);
        if ("true".equals(verify)) {
            JsonNode v = inspection.verification();
            JsonNode b = v.path("firstBreak");
            verification = new Verification(true, v.path("intact").asBoolean(), v.path("checked").asLong(),
                    v.path("headHash").asText(null), b.isMissingNode() || b.isNull() ? null
                    : "entry " + b.path("seq").asText() + " (" + b.path("chain").asText() + "): " + b.path("reason").asText());
        }
        JsonNode c = inspection.checkpoints();
        JsonNode checked = c.path("checked");
        JsonNode latest = checked.size() == 0 ? null : checked.get(checked.size() - 1).path("checkpoint");
        Checkpoints checkpoints = new Checkpoints(c.path("configured").asBoolean(), c.path("checkpoints").asInt(),
                c.path("allHold").asBoolean(), latest == null ? null : latest.path("seq").asText(),
                latest == null ? null : ChronologyView.when(latest.path("signedAt").asText(null)),
                latest == null ? null : latest.path("headHash").asText(), c.path("keyId").asText(null));
        return Templates.ledger(person, verification, checkpoints, errors, nhsNumber, found, searched);
    }

    @GET
    @Path("children/{childId}")
    public TemplateInstance child(@PathParam("childId") String childId, @QueryParam("asOf") String asOf,
                                  @QueryParam("agencyId") String agencyId, @QueryParam("basis") String basis,
                                  @QueryParam("page") String page) {
        String id = Casework.uuid(childId);
        Map<String, String> errors = new LinkedHashMap<>();
        String at = moment(errors, asOf);
        String agency = agencyId == null || agencyId.isBlank() || !agencies.names().containsKey(agencyId.strip()) ? null
                : agencyId.strip();
        String wanted = basis == null || !BASES.contains(basis.strip()) ? null : basis.strip();
        int p = 1;
        try {
            p = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            p = 1;
        }
        List<Pages.Option> agencyOptions = new ArrayList<>();
        agencies.names().forEach((a, name) -> agencyOptions.add(new Pages.Option(a, name, a.equals(agency))));
        List<Pages.Option> bases = BASES.stream().map(b -> new Pages.Option(b, Labels.words(b), b.equals(wanted))).toList();
        if (!errors.isEmpty()) {
            return Templates.child(person, id, asOf, null, null, new AccessLog(List.of(), 0, 1, 1, agency, wanted,
                    agencyOptions, bases, query(asOf, agency, wanted)), errors);
        }
        JsonNode replayed = inspection.replay(id, at, "oldest", 0, 200);
        ChronologyView view = ChronologyView.of(id, replayed, 1, 200, agencies.names(),
                new ChronologyView.Filters(null, null, null, null, null, null, "oldest"));
        JsonNode log = inspection.accessLog(id, agency, wanted, at, (p - 1) * ACCESSES_PER_PAGE, ACCESSES_PER_PAGE);
        long total = log.path("total").asLong();
        int pages = (int) Math.max(1, (total + ACCESSES_PER_PAGE - 1) / ACCESSES_PER_PAGE);
        return Templates.child(person, id, asOf, at == null ? null : ChronologyView.when(at), view,
                new AccessLog(accesses(log), total, p, pages, agency, wanted, agencyOptions, bases, query(asOf, agency, wanted)),
                errors);
    }

    /** The chronology replayed as it stood at the moment, as a PDF to attach to an inspection's review. */
    @GET
    @Path("children/{childId}/chronology.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("childId") String childId, @QueryParam("asOf") String asOf) {
        String id = Casework.uuid(childId);
        Map<String, String> errors = new LinkedHashMap<>();
        String at = moment(errors, asOf);
        if (!errors.isEmpty()) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        List<ChronologyView.Entry> entries = new ArrayList<>();
        for (int offset = 0; offset < Pages.MAX_PDF_ENTRIES; offset += 1000) {
            JsonNode replayed = inspection.replay(id, at, "oldest", offset, 1000);
            ChronologyView page = ChronologyView.of(id, replayed, 1, 1000, agencies.names(), ChronologyView.Filters.NONE);
            entries.addAll(page.entries());
            if (page.entries().size() < 1000) {
                break;
            }
        }
        List<String> about = List.of("Child record " + id + ", replayed from the audit ledger as it stood "
                        + (at == null ? "when this was made" : "on " + ChronologyView.when(at)) + ".",
                entries.size() + (entries.size() == 1 ? " entry" : " entries") + ", oldest first.",
                "Made " + ChronologyView.WHEN.format(Instant.now()) + " by " + person.name() + ", inspector.");
        byte[] pdf = ChronologyPdf.render(new ChronologyPdf.Heading("Chronology for an inspection", about), entries);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"inspection-" + id + ".pdf\"").build();
    }

    /** The whole access log of the child as it stood at the moment, narrowed as on the page, as CSV. */
    @GET
    @Path("children/{childId}/access.csv")
    @Produces("text/csv")
    public Response accessCsv(@PathParam("childId") String childId, @QueryParam("asOf") String asOf,
                              @QueryParam("agencyId") String agencyId, @QueryParam("basis") String basis) {
        String id = Casework.uuid(childId);
        Map<String, String> errors = new LinkedHashMap<>();
        String at = moment(errors, asOf);
        if (!errors.isEmpty()) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        String agency = agencyId == null || agencyId.isBlank() ? null : agencyId.strip();
        String wanted = basis == null || !BASES.contains(basis.strip()) ? null : basis.strip();
        StringBuilder csv = new StringBuilder("when,who,agency,what,purpose,outcome,basis or rule\r\n");
        for (int offset = 0; offset < 100_000; offset += 1000) {
            JsonNode log = inspection.accessLog(id, agency, wanted, at, offset, 1000);
            List<Access> page = accesses(log);
            for (Access a : page) {
                csv.append(String.join(",", java.util.stream.Stream.of(a.when(), a.who(), a.agency(), a.what(),
                        a.purpose() == null ? "" : a.purpose(), a.outcome(), a.basis()).map(Inspection::csvCell).toList()))
                        .append("\r\n");
            }
            if (page.size() < 1000) {
                break;
            }
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"access-log-" + id + ".csv\"").build();
    }

    private List<Access> accesses(JsonNode log) {
        List<Access> accesses = new ArrayList<>();
        for (JsonNode a : log.path("accesses")) {
            String agencyName = agencies.name(a.path("agencyId").asText(""));
            accesses.add(new Access(ChronologyView.when(a.path("accessedAt").asText(null)),
                    people.name(a.path("actorId").asText(null), agencyName), agencyName,
                    Labels.words(a.path("what").asText()), a.path("outcome").asText("read"),
                    Labels.words(a.path("basis").asText(a.path("rule").asText(""))), a.path("purpose").asText(null)));
        }
        return accesses;
    }

    /** The moment typed (a date and time in London) as an instant; an error when it is not one or is in the future. */
    private static String moment(Map<String, String> errors, String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            String at = LocalDateTime.parse(asOf.strip()).atZone(ChronologyView.LONDON).toInstant().toString();
            if (Instant.parse(at).isAfter(Instant.now())) {
                errors.put("asOf", "The moment must be in the past");
            }
            return at;
        } catch (RuntimeException e) {
            errors.put("asOf", "Enter a moment such as 2026-11-20T22:00");
            return null;
        }
    }

    private static String query(String asOf, String agency, String basis) {
        StringBuilder q = new StringBuilder();
        if (asOf != null && !asOf.isBlank()) {
            q.append("&asOf=").append(java.net.URLEncoder.encode(asOf.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (agency != null) {
            q.append("&agencyId=").append(agency);
        }
        if (basis != null) {
            q.append("&basis=").append(basis);
        }
        return q.toString();
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break; a leading formula character neutralised. */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    @GET
    @Path("children/{childId}/export")
    @Produces("application/x-ndjson")
    public Response export(@PathParam("childId") String childId) {
        String id = UUID.fromString(childId).toString();
        return Response.ok(inspection.export(id), "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"child-" + id + ".ndjson\"").build();
    }
}
