package org.joinedup.audit.measures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.directory.view.AgencyView;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

@Path("/measures")
@Tag(name = "Partnership measures")
@SecurityRequirement(name = "bearer")
public class MeasuresResource {
    /** The longest period one answer covers. */
    public static final int MAX_DAYS = 3 * 366;
    private final MeasuresQueries queries;
    private final DirectoryQueries directory;
    private final Caller caller;
    private final Clock clock;

    public MeasuresResource(MeasuresQueries queries, DirectoryQueries directory, Caller caller, Clock clock) {
        this.queries = queries;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    /** The checked question: an area, a period (inclusive dates) and the moment the ledger is read as of. */
    record Question(String area, LocalDate from, LocalDate to, Instant asOf) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR})
    @Operation(summary = "How well the partnership works together in an area over a period, computed from the ledger",
            description = "area (a local authority area, as agencies are registered), from and to (dates, inclusive; at "
                    + "most three years), asOf (RFC 3339; default now): the ledger as it stood then, like the chronology. "
                    + "Referrals decided within one working day, assessed within 45 working days, re-referred within 12 "
                    + "months, by referring agency; shares acknowledged and how fast, declined with the reasons, overrides "
                    + "without an agreement; teams: assessment to first meeting, reviews on time, actions on time by agency, "
                    + "attendance of each agency and of parents and carers; which agency kinds raise concerns but are not in "
                    + "teams, agreements never used or used past their review date; the share of teams whose wellbeing "
                    + "ratings improved. docs/measures.md defines each. A period with nothing in it answers zeros. A "
                    + "safeguarding lead sees its own agency's area (403 otherwise); an inspector any.")
    public Measures measures(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("asOf") String asOf) {
        Question q = question(area, from, to, asOf);
        return queries.measures(q.area(), q.from(), q.to(), q.asOf());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.INSPECTOR})
    @Operation(summary = "The same measures as CSV, one row per figure (docs/measures.md)")
    public Response csv(@QueryParam("area") String area, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("asOf") String asOf) {
        Question q = question(area, from, to, asOf);
        String name = "measures-" + q.area().replaceAll("[^A-Za-z0-9-]", "-") + "-" + q.from() + "-" + q.to() + ".csv";
        return Response.ok(MeasuresCsv.of(queries.measures(q.area(), q.from(), q.to(), q.asOf())), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private Question question(String area, String from, String to, String asOf) {
        FieldErrors errors = new FieldErrors();
        String a = errors.text("area", area, 200);
        LocalDate f = errors.date("from", from, true);
        LocalDate t = errors.date("to", to, true);
        Instant now = clock.instant();
        Instant at = asOf == null || asOf.isBlank() ? now : errors.dateTime("asOf", asOf);
        if (f != null && t != null) {
            if (t.isBefore(f)) {
                errors.add("to", "not-before-from", "must be on or after from");
            } else if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
                errors.add("to", "max-period", "a period is at most " + MAX_DAYS + " days");
            }
        }
        if (at != null && at.isAfter(now)) {
            errors.add("asOf", "not-in-future", "must not be in the future: the ledger cannot be read as it will be");
        }
        errors.throwIfAny();
        if (!caller.hasRole(Roles.INSPECTOR)) {
            String own = caller.agencyId().flatMap(directory::agency).map(AgencyView::area).orElse(null);
            if (own == null || !own.equalsIgnoreCase(a)) {
                throw ProblemException.forbidden("a safeguarding lead sees the measures of its own agency's area ("
                        + (own == null ? "none known" : own) + ")");
            }
        }
        return new Question(a, f, t, at);
    }
}
