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
import org.joinedup.console.api.DirectoryApi;
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
                                              Map<String, String> errors);

        static native TemplateInstance child(Person person, String childId, String asOf, String asOfShown, ChronologyView view,
                                             List<Access> accesses, Map<String, String> errors);
    }

    /** What verifying the whole ledger found. */
    public record Verification(boolean asked, boolean intact, long checked, String headHash, String firstBreak) {
    }

    /** The signed checkpoints of the ledger's head, published outside the database. */
    public record Checkpoints(boolean configured, int count, boolean allHold, String latestSeq, String latestSignedAt,
                              String latestHash, String keyId) {
    }

    /** One read of the child's records, or one refusal. */
    public record Access(String when, String who, String agency, String what, String outcome, String basis, String purpose) {
    }

    private final Person person;
    private final InspectionApi inspection;
    private final DirectoryApi directory;

    public Inspection(Person person, @RestClient InspectionApi inspection, @RestClient DirectoryApi directory) {
        this.person = person;
        this.inspection = inspection;
        this.directory = directory;
    }

    @GET
    public TemplateInstance ledger(@QueryParam("verify") String verify, @QueryParam("childId") String childId) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (childId != null) {
            try {
                return child(UUID.fromString(childId.strip()).toString(), null);
            } catch (IllegalArgumentException e) {
                errors.put("childId", "Enter a child record id, for example 3f2b6a0e-5c1d-4e8a-9b7c-2d4e6f8a0b1c");
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
        return Templates.ledger(person, verification, checkpoints, errors);
    }

    @GET
    @Path("children/{childId}")
    public TemplateInstance child(@PathParam("childId") String childId, @QueryParam("asOf") String asOf) {
        String id = UUID.fromString(childId).toString();
        Map<String, String> errors = new LinkedHashMap<>();
        String at = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                at = LocalDateTime.parse(asOf.strip()).atZone(ChronologyView.LONDON).toInstant().toString();
                if (Instant.parse(at).isAfter(Instant.now())) {
                    errors.put("asOf", "The moment must be in the past");
                }
            } catch (RuntimeException e) {
                errors.put("asOf", "Enter a moment such as 2026-11-20T22:00");
            }
        }
        if (!errors.isEmpty()) {
            return Templates.child(person, id, asOf, null, null, List.of(), errors);
        }
        Map<String, String> names = new LinkedHashMap<>();
        directory.agencies().forEach(a -> names.put(a.path("agencyId").asText(), a.path("name").asText()));
        JsonNode replayed = inspection.replay(id, at, "oldest", 0, 200);
        ChronologyView view = ChronologyView.of(id, replayed, 1, 200, names,
                new ChronologyView.Filters(null, null, null, null, null, null, "oldest"));
        List<Access> accesses = new ArrayList<>();
        for (JsonNode a : inspection.accessLog(id, 100).path("accesses")) {
            accesses.add(new Access(ChronologyView.when(a.path("accessedAt").asText(null)), a.path("actorId").asText(),
                    names.getOrDefault(a.path("agencyId").asText(), a.path("agencyId").asText("")),
                    Labels.words(a.path("what").asText()), a.path("outcome").asText("read"),
                    Labels.words(a.path("basis").asText(a.path("rule").asText(""))), a.path("purpose").asText(null)));
        }
        return Templates.child(person, id, asOf, at == null ? null : ChronologyView.when(at), view, accesses, errors);
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
