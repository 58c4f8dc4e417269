package org.joinedup.referral.protection;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.protection.Attendance;
import org.joinedup.events.protection.ProtectionVocabulary.EnquiryOutcome;
import org.joinedup.events.protection.ProtectionVocabulary.PlanCategory;
import org.joinedup.events.protection.ProtectionVocabulary.PlanEnd;
import org.joinedup.events.protection.ProtectionVocabulary.StrategyDecision;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.needtoknow.Headline;
import org.joinedup.needtoknow.RecordKind;
import org.joinedup.needtoknow.Sight;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.Paths;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.referral.frontdoor.TriageViews;
import org.joinedup.referral.protection.domain.ChildProtectionCommand;
import org.joinedup.referral.protection.domain.ChildProtectionState;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The child protection pathway after the front door (docs/pathway.md): children's social care records the
 * strategy discussion, the section 47 enquiry's outcome, the initial conference and the plan, the core
 * group, the review conferences and the plan's end; each with its statutory clock.
 */
@Path("/child-protection")
@Tag(name = "Child protection")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ChildProtectionResource {
    private static final Supplier<ProblemException> NOT_FOUND =
            () -> ProblemException.notFound("no child protection episode is visible to the caller");
    private final ChildProtectionCommands commands;
    private final ChildProtectionViews views;
    private final DirectoryQueries directory;
    private final ConcernsCopy concerns;
    private final TriageViews triage;
    private final ChildReads reads;
    private final Caller caller;
    private final Clock clock;
    private final IdempotencyKeys idempotency;

    public ChildProtectionResource(ChildProtectionCommands commands, ChildProtectionViews views, DirectoryQueries directory,
                                   ConcernsCopy concerns, TriageViews triage, ChildReads reads, Caller caller, Clock clock,
                                   IdempotencyKeys idempotency) {
        this.commands = commands;
        this.views = views;
        this.directory = directory;
        this.concerns = concerns;
        this.triage = triage;
        this.reads = reads;
        this.caller = caller;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** That the child is in a child protection episode: its stage, since when, and whom to call (the local authority). */
    public record EpisodeHeadline(String visibility, UUID episodeId, UUID childId, String localAuthority, String stage,
                                  Headline headline) {
    }

    /** A child's episodes, each as the reader may see it. */
    public record Episodes(List<Object> episodes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Children's social care records a strategy discussion, opening a child protection episode",
            description = "childId (a child the agency is involved with, else 422 known-child); triageId (the front door's "
                    + "item it follows: 422 triage-of-child); heldAt (not in the future); attendance: [{agencyId, attended, "
                    + "information}], at least the police and health taking part (400 police-and-health); decision: "
                    + "section-47-enquiry, child-in-need-assessment or no-further-action; reason. 403 statutory-duty for an "
                    + "agency other than children's social care. 201 with Location and ETag; Idempotency-Key honoured.")
    public Response strategyDiscussion(ChildProtectionRequests.Strategy body, @HeaderParam(Correlation.HEADER) String correlation,
                                       @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON strategy discussion is required");
        }
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", body.childId(), true);
        UUID triageId = errors.uuid("triageId", body.triageId(), false);
        Instant heldAt = errors.dateTime("heldAt", body.heldAt());
        List<Attendance> attendance = ChildProtectionRequests.attendance(errors, body.attendance(), directory);
        StrategyDecision decision = errors.oneOf("decision", body.decision(), StrategyDecision.class);
        String reason = errors.text("reason", body.reason(), ChildProtectionRequests.MAX_TEXT);
        errors.throwIfAny();
        String agency = caller.requireAgency();
        knownChild(child);
        if (triageId != null && triage.get(triageId, clock.instant())
                .filter(t -> t.childId().equals(child) && t.frontDoor().equals(agency)).isEmpty()) {
            throw ProblemException.unprocessable("triageId", "triage-of-child",
                    "must be an item of the caller's triage queue about the same child");
        }
        UUID id = UUID.randomUUID();
        ChildProtectionCommand.Actor actor = commands.actor(agency, caller.subject());
        return idempotency.once(key, agency + " POST /child-protection", body, () -> {
            ChildProtectionState.Episode e = commands.open(id, caller.eventMetadata(correlation),
                    now -> new ChildProtectionCommand.RecordStrategyDiscussion(id, child, triageId, heldAt, attendance, decision,
                            reason, actor, now));
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("child-protection").path(id.toString()).build()
                    .toString(), IfMatch.etag(e.version()).toString(), ChildProtectionView.of(e));
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A child's child protection episodes, newest first, as the reader may see them",
            description = "childId is required. In full for the local authority, the child's front door and a lead under "
                    + "break-glass; a headline (the stage and whom to call) for another agency involved "
                    + "with the child; 404 for a child the caller has no relationship with.")
    public Episodes list(@QueryParam("childId") String childId) {
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", childId, true);
        errors.throwIfAny();
        ChildSight sight = reads.require(child, "child-protection", NOT_FOUND);
        reads.read("child-protection", sight);
        return new Episodes(views.ofChild(child, 100).stream().map(v -> shown(v, sight)).toList());
    }

    @GET
    @Path("{episodeId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One child protection episode, with its ETag when in full",
            description = "In full for the local authority, the child's front door and a lead under break-glass; a headline for another agency involved with the child; 404 otherwise, and the refusal "
                    + "is recorded.")
    public Response get(@PathParam("episodeId") String episodeId) {
        UUID id = Paths.id(episodeId, "child protection episode");
        ChildProtectionView view = views.get(id).orElseThrow(NOT_FOUND);
        ChildSight sight = reads.require(view.childId(), "child-protection", NOT_FOUND);
        reads.read("child-protection", sight);
        Object shown = shown(view, sight);
        return shown instanceof ChildProtectionView full ? Response.ok(full).tag(IfMatch.etag(full.version())).build()
                : Response.ok(shown).build();
    }

    @POST
    @Path("{episodeId}/enquiry-outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The section 47 enquiry's outcome",
            description = "outcome: not-substantiated, substantiated-no-continuing-risk, substantiated-continuing-risk (which "
                    + "calls an initial child protection conference within 15 working days of the strategy discussion); "
                    + "summary. 409 no-enquiry-open.")
    public Response enquiryOutcome(@PathParam("episodeId") String episodeId, ChildProtectionRequests.Outcome body,
                                   @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "child protection episode");
        FieldErrors errors = new FieldErrors();
        ChildProtectionRequests.Outcome b = body == null ? new ChildProtectionRequests.Outcome(null, null) : body;
        EnquiryOutcome outcome = errors.oneOf("outcome", b.outcome(), EnquiryOutcome.class);
        String summary = errors.text("summary", b.summary(), ChildProtectionRequests.MAX_TEXT);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, (actor, now) -> new ChildProtectionCommand.ConcludeEnquiry(outcome, summary,
                actor, now));
    }

    @POST
    @Path("{episodeId}/initial-conference")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The initial child protection conference: who attended, and a plan or none",
            description = "heldAt (not before the strategy discussion, not in the future); agencies; parentsAttended, "
                    + "childAttended; categories (neglect, physical-abuse, emotional-abuse, sexual-abuse; one or more for a "
                    + "plan, none for no plan); leadSocialWorker (required with a plan: required-with-plan). A plan starts "
                    + "its clocks: the core group within 10 working days, the first review within three months.")
    public Response initialConference(@PathParam("episodeId") String episodeId, ChildProtectionRequests.Conference body,
                                      @HeaderParam(IfMatch.HEADER) String ifMatch,
                                      @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "child protection episode");
        FieldErrors errors = new FieldErrors();
        ChildProtectionRequests.Conference b = body == null
                ? new ChildProtectionRequests.Conference(null, null, null, null, null, null) : body;
        Instant heldAt = errors.dateTime("heldAt", b.heldAt());
        List<String> agencies = ChildProtectionRequests.agencies(errors, "agencies", b.agencies());
        List<PlanCategory> categories = ChildProtectionRequests.categories(errors, b.categories());
        String lead = errors.optionalText("leadSocialWorker", b.leadSocialWorker(), 200);
        errors.throwIfAny();
        boolean parents = Boolean.TRUE.equals(b.parentsAttended());
        boolean childThere = Boolean.TRUE.equals(b.childAttended());
        return changed(id, ifMatch, correlation, (actor, now) -> new ChildProtectionCommand.HoldInitialConference(heldAt,
                agencies, parents, childThere, categories, lead, actor, now));
    }

    @POST
    @Path("{episodeId}/core-group")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The plan's core group met (the first meeting stops its 10-working-day clock)",
            description = "heldAt (not before the initial conference, not in the future); agencies. 409 no-plan.")
    public Response coreGroup(@PathParam("episodeId") String episodeId, ChildProtectionRequests.CoreGroup body,
                              @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "child protection episode");
        FieldErrors errors = new FieldErrors();
        ChildProtectionRequests.CoreGroup b = body == null ? new ChildProtectionRequests.CoreGroup(null, null) : body;
        Instant heldAt = errors.dateTime("heldAt", b.heldAt());
        List<String> agencies = ChildProtectionRequests.agencies(errors, "agencies", b.agencies());
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, (actor, now) -> new ChildProtectionCommand.RecordCoreGroup(heldAt, agencies,
                actor, now));
    }

    @POST
    @Path("{episodeId}/review-conference")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "A review child protection conference: continue the plan (its categories) or end it",
            description = "heldAt; decision: continue-plan (the next review within six months; categories required) or "
                    + "end-plan. 409 no-plan.")
    public Response reviewConference(@PathParam("episodeId") String episodeId, ChildProtectionRequests.Review body,
                                     @HeaderParam(IfMatch.HEADER) String ifMatch,
                                     @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "child protection episode");
        FieldErrors errors = new FieldErrors();
        ChildProtectionRequests.Review b = body == null ? new ChildProtectionRequests.Review(null, null, null) : body;
        Instant heldAt = errors.dateTime("heldAt", b.heldAt());
        String decision = b.decision() == null || b.decision().isBlank() ? null : b.decision().trim();
        if (decision == null) {
            errors.add("decision", "required", "is required: one of continue-plan, end-plan");
        } else if (!List.of("continue-plan", "end-plan").contains(decision)) {
            errors.add("decision", "one-of", "must be one of continue-plan, end-plan");
        }
        List<PlanCategory> categories = ChildProtectionRequests.categories(errors, b.categories());
        errors.throwIfAny();
        boolean end = "end-plan".equals(decision);
        return changed(id, ifMatch, correlation, (actor, now) -> new ChildProtectionCommand.HoldReviewConference(heldAt, end,
                categories, actor, now));
    }

    @POST
    @Path("{episodeId}/plan-end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The plan ends without a review conference: the child moved to another area, or turned 18",
            description = "reason: moved-area or turned-eighteen (a review conference's decision is recorded as one); note. "
                    + "409 no-plan.")
    public Response planEnd(@PathParam("episodeId") String episodeId, ChildProtectionRequests.PlanEnd body,
                            @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(episodeId, "child protection episode");
        FieldErrors errors = new FieldErrors();
        ChildProtectionRequests.PlanEnd b = body == null ? new ChildProtectionRequests.PlanEnd(null, null) : body;
        PlanEnd reason = errors.oneOf("reason", b.reason(), PlanEnd.class);
        String note = errors.optionalText("note", b.note(), ChildProtectionRequests.MAX_TEXT);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, (actor, now) -> new ChildProtectionCommand.EndPlan(reason, note, actor, now));
    }

    /** The command as the caller's agency gives it, at the version it expects; the episode as it now is, with its ETag. */
    private Response changed(UUID id, String ifMatch, String correlation,
                             java.util.function.BiFunction<ChildProtectionCommand.Actor, Instant, ChildProtectionCommand> command) {
        ChildProtectionCommand.Actor actor = commands.actor(caller.requireAgency(), caller.subject());
        Function<Instant, ChildProtectionCommand> at = now -> command.apply(actor, now);
        ChildProtectionState.Episode e = (ChildProtectionState.Episode) commands.change(id, IfMatch.expected(ifMatch),
                caller.eventMetadata(correlation), at).state();
        return Response.ok(ChildProtectionView.of(e)).tag(IfMatch.etag(e.version())).build();
    }

    /** 422 unless the child is known here and the caller's agency has a standing with it. */
    private void knownChild(UUID child) {
        if (!concerns.childKnown(child) || reads.sight(child).isEmpty()) {
            if (concerns.childKnown(child)) {
                reads.refuse(child, "child-protection");
            }
            throw ProblemException.unprocessable("childId", "known-child", "child " + child + " is not known to the platform");
        }
    }

    /** In full for the local authority and whoever sees the child's whole picture; a headline for the rest. */
    private Object shown(ChildProtectionView v, ChildSight sight) {
        String agency = caller.agencyId().orElse(null);
        if (sight.wholePicture() || v.localAuthority().equals(agency)) {
            return v;
        }
        Instant since = v.planSince() != null ? v.planSince() : v.strategyDiscussion().heldAt();
        return new EpisodeHeadline(Sight.HEADLINE.wireName(), v.episodeId(), v.childId(), v.localAuthority(), v.stage(),
                reads.headline(RecordKind.CHILD_PROTECTION, v.episodeId(), null, v.localAuthority(), null, since));
    }
}
