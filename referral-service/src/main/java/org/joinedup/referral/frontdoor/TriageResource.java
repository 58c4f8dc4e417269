package org.joinedup.referral.frontdoor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.access.AccessBasis;
import org.joinedup.events.frontdoor.TriageOutcome;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.Paths;
import org.joinedup.referral.frontdoor.domain.TriageCommand;
import org.joinedup.referral.frontdoor.domain.TriageState;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The front door's triage queue (docs/pathway.md): every contact about a child whose front door the
 * caller's agency is, grouped by child, each item with its one-working-day clock; and the decision.
 */
@Path("/triage")
@Tag(name = "Front door triage")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {
    static final int MAX_REASON = 4000;
    private static final Set<String> STATUSES = Set.of("awaiting-decision", "decided");
    private final TriageCommands commands;
    private final TriageViews views;
    private final Caller caller;
    private final Clock clock;
    private final AccessLog access;

    public TriageResource(TriageCommands commands, TriageViews views, Caller caller, Clock clock, AccessLog access) {
        this.commands = commands;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
        this.access = access;
    }

    /** A page of the caller's front door's queue. */
    public record TriageQueue(List<TriageView> items) {
    }

    /** POST /triage/{id}/decision: the outcome and why. */
    public record DecisionRequest(String outcome, String reason) {
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "The caller's front door's triage queue: the contacts about each child awaiting its decision",
            description = "Only the children's social care agency whose queue it is sees it; any other agency's queue is "
                    + "empty. Those awaiting a decision first, the highest risk first, then the soonest due; then the "
                    + "decided, newest first. Filters: status (awaiting-decision, decided), childId; limit 1 to 500 "
                    + "(default 100). Each read is recorded.")
    public TriageQueue queue(@QueryParam("status") String status, @QueryParam("childId") String childId,
                             @QueryParam("limit") String limit) {
        FieldErrors errors = new FieldErrors();
        if (status != null && !STATUSES.contains(status)) {
            errors.add("status", "one-of", "must be one of awaiting-decision, decided");
        }
        UUID child = errors.uuid("childId", childId, false);
        int max = limit == null ? 100 : errors.integer("limit", limit, 1, 500);
        errors.throwIfAny();
        List<TriageView> items = views.queue(caller.requireAgency(), status, child, clock.instant(), 0, max);
        access.read("triage", items.stream().map(TriageView::childId).distinct().toList(), AccessBasis.FRONT_DOOR);
        return new TriageQueue(items);
    }

    @GET
    @Path("{triageId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One item of the caller's front door's queue, with its ETag",
            description = "404 for an item of another front door's queue, as for one that does not exist.")
    public Response get(@PathParam("triageId") String triageId) {
        UUID id = Paths.id(triageId, "triage item");
        TriageView view = own(id);
        access.read("triage", view.childId(), AccessBasis.FRONT_DOOR);
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    @POST
    @Path("{triageId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The front door decides what response the item's contacts need, with the reason",
            description = "outcome: no-further-action, advice-given, early-help-offered (it starts nothing without the "
                    + "family's consent), child-in-need-assessment (Children Act 1989 s17) or strategy-discussion "
                    + "(reasonable cause to suspect significant harm, s47). Once (409 already-decided); it covers every "
                    + "contact received so far, and the agencies that raised them are told the outcome. A decision after the "
                    + "deadline is recorded late. If-Match: the item's ETag (412 when stale).")
    public Response decide(@PathParam("triageId") String triageId, DecisionRequest body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(triageId, "triage item");
        FieldErrors errors = new FieldErrors();
        DecisionRequest b = body == null ? new DecisionRequest(null, null) : body;
        TriageOutcome outcome = errors.oneOf("outcome", b.outcome(), TriageOutcome.class);
        String reason = errors.text("reason", b.reason(), MAX_REASON);
        errors.throwIfAny();
        String agency = caller.requireAgency();
        TriageState.Item item = (TriageState.Item) commands.decide(id, IfMatch.expected(ifMatch),
                caller.eventMetadata(correlation),
                now -> new TriageCommand.Decide(id, agency, caller.subject(), outcome, reason, now)).state();
        TriageView view = TriageView.of(item, clock.instant());
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    /** The item, when it is in the caller's front door's queue (404 otherwise, as for one that does not exist). */
    private TriageView own(UUID id) {
        String agency = caller.requireAgency();
        return views.get(id, clock.instant()).filter(v -> v.frontDoor().equals(agency))
                .orElseThrow(() -> ProblemException.notFound("no triage item " + id + " in the queue of agency " + agency));
    }
}
