package org.joinedup.referral.earlyhelp;

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
import org.joinedup.events.access.AccessBasis;
import org.joinedup.events.concern.Consent;
import org.joinedup.events.earlyhelp.EarlyHelpOutcome;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
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
import org.joinedup.referral.Seen;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.referral.referral.ReferralView;
import org.joinedup.referral.referral.ReferralViews;
import org.joinedup.referral.team.TeamCommands;
import org.joinedup.referral.team.domain.TeamState;
import org.joinedup.referral.earlyhelp.domain.AssessmentActor;
import org.joinedup.referral.earlyhelp.domain.AssessmentCommand;
import org.joinedup.referral.earlyhelp.domain.AssessmentContent;
import org.joinedup.referral.earlyhelp.domain.AssessmentState;
import org.joinedup.referral.team.TeamViews;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/early-help-assessments")
@Tag(name = "Early help assessment")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    private static final Supplier<ProblemException> NOT_FOUND =
            () -> ProblemException.notFound("no early help assessment is visible to the caller");
    private final AssessmentCommands commands;
    private final AssessmentViews views;
    private final TeamCommands teams;
    private final TeamViews teamViews;
    private final ReferralViews referrals;
    private final ConcernsCopy concerns;
    private final ChildReads reads;
    private final Caller caller;
    private final Clock clock;
    private final IdempotencyKeys idempotency;

    public AssessmentResource(AssessmentCommands commands, AssessmentViews views, TeamCommands teams, TeamViews teamViews,
                              ReferralViews referrals, ConcernsCopy concerns, ChildReads reads, Caller caller, Clock clock,
                              IdempotencyKeys idempotency) {
        this.commands = commands;
        this.views = views;
        this.teams = teams;
        this.teamViews = teamViews;
        this.referrals = referrals;
        this.concerns = concerns;
        this.reads = reads;
        this.caller = caller;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "A practitioner starts an early help assessment of a child their agency is involved with",
            description = "consent: {status: given | refused | not-sought, reason (required unless given)}, the family's "
                    + "decision, required. steppedDownFromReferralId: a referral children's social care closed, when this is "
                    + "a step down to early help. Optionally the first version: domains [{domain (child-development, "
                    + "parenting-capacity, family-and-environment), strengths [text], needs [{description, indicators "
                    + "[SHANARRI]}]}], each domain once with at least one strength or need; childsVoice and parentsViews in "
                    + "their own words (shared within the Team Around the Child only).")
    public Response start(AssessmentRequests.Start body, @HeaderParam(Correlation.HEADER) String correlation,
                          @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON assessment is required");
        }
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", body.childId(), true);
        Consent consent = AssessmentRequests.consent(errors, body.consent());
        UUID steppedDown = errors.uuid("steppedDownFromReferralId", body.steppedDownFromReferralId(), false);
        boolean withContent = body.domains() != null || body.childsVoice() != null || body.parentsViews() != null;
        AssessmentContent content = withContent
                ? AssessmentRequests.content(errors, body.domains(), body.childsVoice(), body.parentsViews()) : null;
        errors.throwIfAny();
        if (!concerns.childKnown(child) || reads.sight(child).isEmpty()) {
            // An agency assesses a child it is involved with; any other child answers as unknown.
            if (concerns.childKnown(child)) {
                reads.refuse(child, "early-help-assessment");
            }
            throw ProblemException.unprocessable("childId", "known-child", "child " + child + " is not known to the platform");
        }
        if (steppedDown != null) {
            ReferralView r = referrals.get(steppedDown, clock.instant()).filter(v -> v.childId().equals(child))
                    .orElseThrow(() -> ProblemException.unprocessable("steppedDownFromReferralId", "referral-of-child",
                            "must be a referral about the same child"));
            if (!"closed".equals(r.status())) {
                throw ProblemException.unprocessable("steppedDownFromReferralId", "closed-referral",
                        "a step down follows a referral children's social care closed; this one is " + r.status());
            }
        }
        UUID id = UUID.randomUUID();
        AssessmentActor actor = actor(null);
        String agency = caller.requireAgency();
        return idempotency.once(key, agency + " POST /early-help-assessments", body, () -> {
            AssessmentState.Assessment s = commands.start(caller.eventMetadata(correlation), id,
                    now -> new AssessmentCommand.Start(id, child, consent, steppedDown, content, actor, now));
            AssessmentView view = AssessmentView.of(s, null);
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("early-help-assessments").path(id.toString())
                    .build().toString(), IfMatch.etag(s.version()).toString(), Seen.full(view));
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Early help assessments, newest first: those the caller's agency made or works from in a team; for "
            + "a safeguarding lead, those of children its agency is involved with",
            description = "Filter by childId. The family's words are shown only to the assessing agency and the team's "
                    + "agencies (familyWords: shown | withheld); a lead of another involved agency sees a headline, "
                    + "and the child's front door sees the assessment without the family's words (docs/access.md).")
    public Map<String, Object> list(@QueryParam("childId") String childId, @QueryParam("limit") String limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", childId, false);
        int max = limit == null ? 100 : errors.integer("limit", limit, 1, 500);
        errors.throwIfAny();
        String agency = caller.requireAgency();
        List<UUID> myTeams = teamViews.list(agency, child, clock.instant(), 500).stream().map(t -> t.teamId()).toList();
        if (!caller.hasRole(Roles.SAFEGUARDING_LEAD)) {
            List<AssessmentView> mine = views.list(child, agency, myTeams, 0, max);
            reads.read("early-help-assessments", reads.sights(mine.stream().map(AssessmentView::childId).distinct().toList())
                    .values());
            return Map.of("assessments", mine.stream().map(Seen::full).toList());
        }
        List<ChildReads.Seen<AssessmentView>> seen = reads.visible((offset, batch) -> views.list(child, null, List.of(), offset,
                batch), a -> List.of(a.childId()), max);
        reads.readRows("early-help-assessments", seen);
        return Map.of("assessments", seen.stream().map(r -> shown(r.row(), r.sights().get(0), myTeams)).toList());
    }

    @GET
    @Path("{assessmentId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "An early help assessment: its current version in full, every earlier version listed, the outcome, "
            + "the team working from it and the plan reviews that reviewed it",
            description = "In full with the family's words for the assessing agency and the team's agencies; without them "
                    + "(familyWords: withheld) for the child's front door; a headline for a lead of another agency "
                    + "involved with the child; 404 for anyone else, and the refusal is recorded (docs/access.md).")
    public Response get(@PathParam("assessmentId") String assessmentId) {
        UUID id = Paths.id(assessmentId, "early help assessment");
        if (!(commands.state(id) instanceof AssessmentState.Assessment s)) {
            throw NOT_FOUND.get();
        }
        UUID team = views.teamOf(id).orElse(null);
        AssessmentView view = AssessmentView.of(s, team);
        ChildSight sight = reads.require(view.childId(), "early-help-assessment", NOT_FOUND);
        Object shown = shown(view, sight, team == null ? List.of() : inTeam(team) ? List.of(team) : List.of());
        if (shown == null) {
            reads.refuse(view.childId(), "early-help-assessment");
            throw NOT_FOUND.get();
        }
        reads.read("early-help-assessment", sight);
        return Response.ok(shown).tag(IfMatch.etag(s.version())).build();
    }

    @GET
    @Path("{assessmentId}/versions/{version}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "One version of an early help assessment, as it was recorded (versions are never changed)",
            description = "Read as the assessment is: the family's words for the assessing agency and the team's agencies only.")
    public Response version(@PathParam("assessmentId") String assessmentId, @PathParam("version") String version) {
        UUID id = Paths.id(assessmentId, "early help assessment");
        FieldErrors errors = new FieldErrors();
        int n = errors.integer("version", version, 1, Integer.MAX_VALUE);
        errors.throwIfAny();
        if (!(commands.state(id) instanceof AssessmentState.Assessment s)) {
            throw NOT_FOUND.get();
        }
        UUID team = views.teamOf(id).orElse(null);
        ChildSight sight = reads.require(s.started().childId(), "early-help-assessment", NOT_FOUND);
        AssessmentActor actor = actor(team);
        boolean words = s.mayBeReadWhole(actor) || sight.basis() == AccessBasis.EMERGENCY_ACCESS
                || sight.basis() == AccessBasis.INSPECTOR;
        if (!words && !sight.wholePicture()) {
            reads.refuse(s.started().childId(), "early-help-assessment");
            throw NOT_FOUND.get();
        }
        AssessmentView.Version v = s.versions().stream().filter(r -> r.version() == n).findFirst()
                .map(AssessmentView.Version::of)
                .orElseThrow(() -> ProblemException.notFound("the assessment has no version " + n));
        reads.read("early-help-assessment", sight);
        return Response.ok(Seen.full(words ? v : v.withoutFamilyWords())).build();
    }

    @POST
    @Path("{assessmentId}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Record a new version of the assessment, whole (the assessing agency, or an agency of the team "
            + "working from it); earlier versions are kept unchanged",
            description = "The same content as the current version records nothing. If-Match: the assessment's ETag.")
    public Response record(@PathParam("assessmentId") String assessmentId, AssessmentRequests.Content body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(assessmentId, "early help assessment");
        FieldErrors errors = new FieldErrors();
        AssessmentRequests.Content b = body == null ? new AssessmentRequests.Content(null, null, null) : body;
        AssessmentContent content = AssessmentRequests.content(errors, b.domains(), b.childsVoice(), b.parentsViews());
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, (actor, s, now) -> new AssessmentCommand.Record(content, actor, now));
    }

    @POST
    @Path("{assessmentId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Conclude the assessment: no-further-action, single-agency-support, team-around-the-child or "
            + "step-up (naming the referral made to children's social care), with the reason",
            description = "409 until every domain has findings; single-agency-support and team-around-the-child rest on the "
                    + "family's consent (409 without it). A team formed with this assessmentId, or linked to it, works from it.")
    public Response complete(@PathParam("assessmentId") String assessmentId, AssessmentRequests.Complete body,
                             @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(assessmentId, "early help assessment");
        FieldErrors errors = new FieldErrors();
        AssessmentRequests.Complete b = body == null ? new AssessmentRequests.Complete(null, null, null) : body;
        EarlyHelpOutcome outcome = errors.oneOf("outcome", b.outcome(), EarlyHelpOutcome.class);
        String reason = errors.text("reason", b.reason(), AssessmentRequests.MAX_TEXT);
        UUID referral = errors.uuid("referralId", b.referralId(), false);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, (actor, s, now) -> {
            if (referral != null && s instanceof AssessmentState.Assessment a && referrals.get(referral, now)
                    .filter(r -> r.childId().equals(a.started().childId())).isEmpty()) {
                throw ProblemException.unprocessable("referralId", "referral-of-child", "must be a referral about the same child");
            }
            return new AssessmentCommand.Complete(outcome, reason, referral, actor, now);
        });
    }

    /** The command, made by the caller as they act on the assessment as it now is. */
    private interface Command {
        AssessmentCommand make(AssessmentActor actor, AssessmentState s, Instant now);
    }

    private Response changed(UUID id, String ifMatch, String correlation, Command command) {
        UUID team = views.teamOf(id).orElse(null);
        AssessmentActor actor = actor(team);
        AssessmentState.Assessment s = (AssessmentState.Assessment) commands.change(id, IfMatch.expected(ifMatch),
                caller.eventMetadata(correlation), (state, now) -> command.make(actor, state, now)).state();
        AssessmentView view = AssessmentView.of(s, team);
        return Response.ok(Seen.full(view)).tag(IfMatch.etag(s.version())).build();
    }

    /**
     * The assessment as this reader sees it: whole for the assessing agency and the team's agencies; without the
     * family's words for the front door (break-glass and inspectors see them); a headline for a lead of another
     * involved agency; null when the reader may not know of it.
     */
    private Object shown(AssessmentView view, ChildSight sight, List<UUID> teamsOfCaller) {
        boolean inTeam = view.teamId() != null && teamsOfCaller.contains(view.teamId());
        String agency = caller.agencyId().orElse(null);
        if ((agency != null && agency.equals(view.startedByAgency())) || inTeam
                || sight.basis() == AccessBasis.EMERGENCY_ACCESS) {
            return Seen.full(view);
        }
        if (sight.wholePicture()) {
            return Seen.full(view.withoutFamilyWords());
        }
        if (!caller.hasRole(Roles.SAFEGUARDING_LEAD)) {
            return null;
        }
        return new Headline(Sight.HEADLINE.wireName(), view.assessmentId(), view.childId(), view.startedByAgency(),
                view.status(), view.startedAt(), reads.headline(RecordKind.EARLY_HELP_ASSESSMENT, view.assessmentId(), null,
                view.startedByAgency(), view.outcome() == null ? null : view.outcome().outcome(), view.startedAt()));
    }

    /** That there is an early help assessment: which agency, its status, since when, and whom to call. */
    public record Headline(String visibility, UUID assessmentId, UUID childId, String startedByAgency, String status,
                           Instant startedAt, org.joinedup.needtoknow.Headline headline) {
    }

    private boolean inTeam(UUID teamId) {
        return teams.state(teamId) instanceof TeamState.Team t && t.agencyTakesPart(caller.agencyId().orElse(null));
    }

    private AssessmentActor actor(UUID team) {
        return new AssessmentActor(caller.subject(), caller.agencyId().orElse(null),
                caller.hasRole(Roles.SAFEGUARDING_LEAD), team != null && inTeam(team));
    }
}
