package org.joinedup.referral.team;

import org.joinedup.referral.earlyhelp.domain.AssessmentActor;
import org.joinedup.referral.team.domain.TeamActor;
import org.joinedup.referral.team.domain.TeamCommand;
import org.joinedup.referral.team.domain.TeamState;

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
import org.joinedup.events.team.TeamMember;
import org.joinedup.events.access.AccessBasis;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.referral.Seen;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.http.IdempotencyKeys;
import org.joinedup.platform.http.IfMatch;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.Paths;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.concerns.ConcernsCopy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.joinedup.referral.team.TeamRequests.MAX_TEXT;

@Path("/teams")
@Tag(name = "Team Around the Child")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {
    private final TeamCommands commands;
    private final TeamViews views;
    private final Caller caller;
    private final Clock clock;
    private final Timescales timescales;
    private final DirectoryQueries directory;
    private final ConcernsCopy concerns;
    private final IdempotencyKeys idempotency;
    private final AccessLog access;

    @jakarta.inject.Inject
    ChildReads reads;

    @jakarta.inject.Inject
    org.joinedup.referral.earlyhelp.AssessmentCommands assessments;

    public TeamResource(TeamCommands commands, TeamViews views, Caller caller, Clock clock, Timescales timescales,
                        DirectoryQueries directory, ConcernsCopy concerns, IdempotencyKeys idempotency, AccessLog access) {
        this.commands = commands;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
        this.timescales = timescales;
        this.directory = directory;
        this.concerns = concerns;
        this.idempotency = idempotency;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SAFEGUARDING_LEAD)
    @Transactional
    @Operation(summary = "A safeguarding lead forms a Team Around the Child",
            description = "Members are practitioners (agencyId, practitionerId) and parents or carers (name), as equal "
                    + "members; at most one practitioner marked leadProfessional (then leadReason is required). One team per "
                    + "child at a time (409 while it is open; a closed team was an earlier episode). Reviews fall due every reviewEveryWeeks weeks (1 to 52; default from configuration).")
    public Response form(TeamRequests.Form body, @HeaderParam(Correlation.HEADER) String correlation,
                         @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON team is required");
        }
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", body.childId(), true);
        int weeks = body.reviewEveryWeeks() == null ? timescales.reviewEveryWeeks() : body.reviewEveryWeeks();
        if (weeks < 1 || weeks > 52) {
            errors.add("reviewEveryWeeks", "range", "must be between 1 and 52");
        }
        List<TeamMember> members = TeamRequests.members(errors, body.members(), directory);
        UUID lead = null;
        for (int i = 0; body.members() != null && i < body.members().size() && i < members.size(); i++) {
            // A member that failed its checks is null here; its errors are already recorded.
            if (members.get(i) != null && Boolean.TRUE.equals(body.members().get(i).leadProfessional())) {
                lead = members.get(i).memberId();
            }
        }
        String leadReason = errors.optionalText("leadReason", body.leadReason(), MAX_TEXT);
        UUID assessmentId = errors.uuid("assessmentId", body.assessmentId(), false);
        if (lead != null && leadReason == null) {
            errors.add("leadReason", "required", "is required when a lead professional is named: why them");
        }
        errors.throwIfAny();
        if (!concerns.childKnown(child) || reads.sight(child).isEmpty()) {
            // A lead forms a team only for a child its agency is involved with; any other child answers as unknown.
            if (concerns.childKnown(child)) {
                reads.refuse(child, "team");
            }
            throw ProblemException.unprocessable("childId", "known-child", "child " + child + " is not known to the platform");
        }
        UUID teamId = UUID.randomUUID();
        if (assessmentId != null) {
            assessments.requireLinkable(assessmentId, child, teamId);
        }
        UUID leadId = lead;
        String agency = caller.agencyId().orElse(null);
        return idempotency.once(key, agency + " POST /teams", body, () -> {
            TeamState.Team s = commands.form(caller.eventMetadata(correlation), now -> new TeamCommand.Form(teamId, child,
                    null, members, leadId, leadReason, weeks, assessmentId, actor(), now));
            if (assessmentId != null) {
                assessments.linked(assessmentId, teamId);
            }
            return new IdempotencyKeys.Answer(201, uri.getBaseUriBuilder().path("teams").path(teamId.toString()).build().toString(),
                    IfMatch.etag(s.version()).toString(), Seen.full(TeamView.of(s, timescales.days(), clock.instant())));
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Teams: those the caller's agency takes part in (practitioners); for a safeguarding lead, those of "
            + "children its agency is involved with",
            description = "Filter by childId. A practitioner who does not lead a team sees only the actions they own in it. A "
                    + "lead sees a team in full (visibility: full) when its agency is a member, is the child's front door, or "
                    + "the lead is under break-glass; otherwise as a headline (which agencies, since when, whom to call); "
                    + "teams of children its agency has no relationship with are not listed (docs/access.md).")
    public Map<String, Object> list(@QueryParam("childId") String childId, @QueryParam("limit") String limit) {
        FieldErrors errors = new FieldErrors();
        UUID child = errors.uuid("childId", childId, false);
        int max = limit == null ? 100 : errors.integer("limit", limit, 1, 500);
        errors.throwIfAny();
        TeamActor actor = actor();
        Instant now = clock.instant();
        if (!actor.safeguardingLead()) {
            List<TeamView> teams = views.list(caller.requireAgency(), child, now, max).stream()
                    .map(t -> t.forCaller(actor)).toList();
            access.read("teams", teams.stream().map(TeamView::childId).distinct().toList(), AccessBasis.OWN_AGENCY);
            return Map.of("teams", teams.stream().map(Seen::full).toList());
        }
        caller.requireAgency();
        List<ChildReads.Seen<TeamView>> seen = reads.visible((offset, batch) -> views.list(null, child, now, offset, batch),
                t -> List.of(t.childId()), max);
        reads.readRows("teams", seen);
        return Map.of("teams", seen.stream().map(r -> Seen.inFull(r.row(), r.sights().get(0))
                ? (Object) Seen.full(r.row().forCaller(actor)) : Seen.headline(r.row(), reads)).toList());
    }

    @GET
    @Path("{teamId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A team: the whole plan for its lead professional and safeguarding leads who may see it in full; a "
            + "member agency's practitioner sees the team and the actions they own",
            description = "A lead of an agency involved with the child but not in the team sees its headline; any other caller "
                    + "gets 404, as for a team that does not exist, and the refusal is recorded (docs/access.md).")
    public Response get(@PathParam("teamId") String teamId) {
        UUID id = Paths.id(teamId, "team");
        TeamActor actor = actor();
        java.util.function.Supplier<ProblemException> notFound =
                () -> ProblemException.notFound("no Team Around the Child is visible to the caller");
        if (!(commands.state(id) instanceof TeamState.Team s)) {
            throw notFound.get();
        }
        TeamView view = TeamView.of(s, timescales.days(), clock.instant());
        ChildSight sight = reads.require(view.childId(), "team", notFound);
        reads.read("team", sight);
        boolean full = actor.safeguardingLead() ? Seen.inFull(view, sight)
                : s.agencyTakesPart(actor.agencyId()) || sight.wholePicture();
        if (full) {
            TeamView shown = view.forCaller(actor);
            return Response.ok(Seen.full(shown)).tag(IfMatch.etag(shown.version())).build();
        }
        return Response.ok(Seen.headline(view, reads)).build();
    }

    @POST
    @Path("{teamId}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The team works from this early help assessment (the child's, completed with the outcome "
            + "team-around-the-child): for a team formed without one, or after a new assessment",
            description = "The lead professional or a safeguarding lead. From then on each plan review says whether the "
                    + "assessment still stands or was revised (assessment: stands | revised).")
    public Response linkAssessment(@PathParam("teamId") String teamId, TeamRequests.Link body,
                                   @HeaderParam(IfMatch.HEADER) String ifMatch,
                                   @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        FieldErrors errors = new FieldErrors();
        UUID assessmentId = errors.uuid("assessmentId", body == null ? null : body.assessmentId(), true);
        errors.throwIfAny();
        var after = commands.change(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation), (s, now) -> {
            TeamState.Team team = mayCoordinate(s);
            assessments.requireLinkable(assessmentId, team.childId(), id);
            return new TeamCommand.LinkAssessment(assessmentId, actor(), now);
        });
        assessments.linked(assessmentId, id);
        return answer(after.state());
    }

    @POST
    @Path("{teamId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "The lead professional or a safeguarding lead adds a member (a practitioner or a parent or carer)")
    public Response addMember(@PathParam("teamId") String teamId, TeamRequests.Member body,
                              @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON member is required");
        }
        if (body.leadProfessional() != null) {
            errors.add("leadProfessional", "use-lead-professional", "assign the lead professional with POST .../lead-professional");
        }
        TeamMember member = body.check(errors, "", directory);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, now -> new TeamCommand.AddMember(member, actor(), now));
    }

    @POST
    @Path("{teamId}/members/{memberId}/leaving")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "A member leaves, with a reason (409 while they own open actions or are lead professional)")
    public Response leave(@PathParam("teamId") String teamId, @PathParam("memberId") String memberId,
                          TeamRequests.Reason body, @HeaderParam(IfMatch.HEADER) String ifMatch,
                          @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        UUID member = Paths.id(memberId, "member");
        String reason = FieldErrors.requiredText("reason", body == null ? null : body.reason(), MAX_TEXT);
        return changed(id, ifMatch, correlation, now -> new TeamCommand.Leave(member, reason, actor(), now));
    }

    @POST
    @Path("{teamId}/lead-professional")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Assign or reassign the lead professional (a practitioner member), with a reason")
    public Response assignLead(@PathParam("teamId") String teamId, TeamRequests.AssignLead body,
                               @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        FieldErrors errors = new FieldErrors();
        TeamRequests.AssignLead b = body == null ? new TeamRequests.AssignLead(null, null) : body;
        UUID member = errors.uuid("memberId", b.memberId(), true);
        String reason = errors.text("reason", b.reason(), MAX_TEXT);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation,
                now -> new TeamCommand.AssignLead(member, reason, actor(), now));
    }

    @POST
    @Path("{teamId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Close the team: the episode of early help ends (needs met, stepped up to social care, consent "
            + "withdrawn, moved away, other), with a note",
            description = "reason: needs-met, stepped-up, consent-withdrawn, moved-away or other; note: what happened (at most "
                    + "4000 characters). The team's clocks stop; nothing more may be changed (409 team-closed). The child may "
                    + "have a new team later, for another episode of early help.")
    public Response close(@PathParam("teamId") String teamId, TeamRequests.Close body,
                          @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        FieldErrors errors = new FieldErrors();
        TeamRequests.Close b = body == null ? new TeamRequests.Close(null, null) : body;
        var reason = errors.oneOf("reason", b.reason(), org.joinedup.events.care.CareVocabulary.TeamClosing.class);
        String note = errors.text("note", b.note(), MAX_TEXT);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation, now -> new TeamCommand.Close(reason.wireName(), note, actor(), now));
    }

    @POST
    @Path("{teamId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Agree an action: a description, exactly one owner (a current member) and a due date (today or later)")
    public Response agree(@PathParam("teamId") String teamId, TeamRequests.Agree body,
                          @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        FieldErrors errors = new FieldErrors();
        TeamRequests.Agree b = body == null ? new TeamRequests.Agree(null, null, null) : body;
        String description = errors.text("description", b.description(), MAX_TEXT);
        UUID owner = errors.uuid("ownerMemberId", b.ownerMemberId(), true);
        LocalDate due = errors.date("dueOn", b.dueOn(), true);
        errors.throwIfAny();
        UUID actionId = UUID.randomUUID();
        return changed(id, ifMatch, correlation,
                now -> new TeamCommand.AgreeAction(actionId, description, owner, due, actor(), now));
    }

    @POST
    @Path("{teamId}/actions/{actionId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Complete an open action: its owner, the lead professional or a safeguarding lead; an optional note")
    public Response complete(@PathParam("teamId") String teamId, @PathParam("actionId") String actionId,
                             TeamRequests.Note body, @HeaderParam(IfMatch.HEADER) String ifMatch,
                             @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        UUID action = Paths.id(actionId, "action");
        FieldErrors errors = new FieldErrors();
        String note = errors.optionalText("note", body == null ? null : body.note(), MAX_TEXT);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation,
                now -> new TeamCommand.CompleteAction(action, note, actor(), now));
    }

    @POST
    @Path("{teamId}/actions/{actionId}/reassignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Pass an open action to another current member, with a reason")
    public Response reassign(@PathParam("teamId") String teamId, @PathParam("actionId") String actionId,
                             TeamRequests.Reassign body, @HeaderParam(IfMatch.HEADER) String ifMatch,
                             @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        UUID action = Paths.id(actionId, "action");
        FieldErrors errors = new FieldErrors();
        TeamRequests.Reassign b = body == null ? new TeamRequests.Reassign(null, null) : body;
        UUID owner = errors.uuid("ownerMemberId", b.ownerMemberId(), true);
        String reason = errors.text("reason", b.reason(), MAX_TEXT);
        errors.throwIfAny();
        return changed(id, ifMatch, correlation,
                now -> new TeamCommand.ReassignAction(action, owner, reason, actor(), now));
    }

    @POST
    @Path("{teamId}/actions/{actionId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Cancel an open action, with a reason")
    public Response cancel(@PathParam("teamId") String teamId, @PathParam("actionId") String actionId,
                           TeamRequests.Reason body, @HeaderParam(IfMatch.HEADER) String ifMatch,
                           @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        UUID action = Paths.id(actionId, "action");
        String reason = FieldErrors.requiredText("reason", body == null ? null : body.reason(), MAX_TEXT);
        return changed(id, ifMatch, correlation,
                now -> new TeamCommand.CancelAction(action, reason, actor(), now));
    }

    @POST
    @Path("{teamId}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Transactional
    @Operation(summary = "Record a review of the plan: when (not in the future), who attended (member ids), what was decided, "
            + "and how the team rates each SHANARRI wellbeing indicator the plan addresses",
            description = "The next review is due nextReviewBy, or the team's interval after this one. wellbeing: "
                    + "[{indicator (safe, healthy, achieving, nurtured, active, respected, responsible, included), level "
                    + "(significant-concern, some-concern, partly-met, mostly-met, thriving), note}], each indicator once.")
    public Response review(@PathParam("teamId") String teamId, TeamRequests.Review body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(teamId, "team");
        FieldErrors errors = new FieldErrors();
        TeamRequests.Review b = body == null ? new TeamRequests.Review(null, null, null, null, null, null) : body;
        LocalDate heldOn = errors.date("heldOn", b.heldOn(), true);
        LocalDate next = errors.date("nextReviewBy", b.nextReviewBy(), false);
        List<UUID> attendees = new ArrayList<>();
        if (b.attendees() == null || b.attendees().isEmpty()) {
            errors.add("attendees", "required", "name the members who attended");
        } else {
            for (int i = 0; i < b.attendees().size(); i++) {
                UUID a = errors.uuid("attendees[" + i + "]", b.attendees().get(i), true);
                if (a != null && !attendees.contains(a)) {
                    attendees.add(a);
                }
            }
        }
        List<String> decisions = new ArrayList<>();
        if (b.decisions() == null || b.decisions().isEmpty()) {
            errors.add("decisions", "required", "record what the review decided");
        } else {
            for (int i = 0; i < b.decisions().size(); i++) {
                decisions.add(errors.text("decisions[" + i + "]", b.decisions().get(i), MAX_TEXT));
            }
        }
        List<org.joinedup.events.team.WellbeingRating> wellbeing = TeamRequests.ratings(errors, b.wellbeing());
        String assessment = b.assessment() == null || b.assessment().isBlank() ? null : b.assessment().trim();
        if (assessment != null && !TeamRequests.ASSESSMENT_REVIEW.contains(assessment)) {
            errors.add("assessment", "one-of", "must be one of stands, revised");
        }
        errors.throwIfAny();
        org.joinedup.platform.store.EventMetadata meta = caller.eventMetadata(correlation);
        TeamState.Team after = (TeamState.Team) commands.change(id, IfMatch.expected(ifMatch), meta, (s, now) -> {
            // Who may review comes first, so that a caller who may not see the team learns nothing of its assessment.
            TeamState.Team team = mayCoordinate(s);
            UUID working = team.assessmentId().orElse(null);
            if (working != null && assessment == null) {
                throw ProblemException.invalid("assessment", "required", "the team works from an early help assessment: "
                        + "say whether it still stands or was revised (stands | revised)");
            }
            if (working == null && assessment != null) {
                throw ProblemException.invalid("assessment", "no-assessment", "the team works from no early help assessment");
            }
            return new TeamCommand.Review(heldOn, attendees, decisions, next, wellbeing, actor(), now);
        }).state();
        UUID working = after.assessmentId().orElse(null);
        if (working != null) {
            // In the same transaction: a "revised" the assessment cannot back records neither review.
            var held = after.reviews().get(after.reviews().size() - 1);
            assessments.reviewed(working, id, held.reviewId(), held.heldOn(), "revised".equals(assessment),
                    new AssessmentActor(caller.subject(), caller.agencyId().orElse(null),
                            caller.hasRole(Roles.SAFEGUARDING_LEAD), true), meta);
        }
        return answer(after);
    }

    private Response changed(UUID id, String ifMatch, String correlation, Function<Instant, TeamCommand> command) {
        return answer(commands.change(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation), (s, now) -> {
            mayCoordinate(s);
            return command.apply(now);
        }).state());
    }

    /** The team as changed, as the caller may see it, with its ETag. */
    private Response answer(TeamState changed) {
        TeamState.Team s = (TeamState.Team) changed;
        TeamView view = TeamView.of(s, timescales.days(), clock.instant()).forCaller(actor());
        return Response.ok(Seen.full(view)).tag(IfMatch.etag(view.version())).build();
    }

    /**
     * A safeguarding lead changes a team only when it may see it in full (its agency is a member, is the child's
     * front door, or the lead is under break-glass): 404 when it may not know of the team, 403 when it sees only
     * its headline. A practitioner's rights are the decider's (lead professional, action owner).
     *
     * The decider then refuses a caller who may not know of the team (404), or may not change its plan (403).
     *
     * @return the team, as the caller may know of it
     */
    private TeamState.Team mayCoordinate(TeamState state) {
        if (!(state instanceof TeamState.Team s) || !s.visibleTo(actor())) {
            throw ProblemException.notFound("no Team Around the Child is visible to the caller");
        }
        if (!caller.hasRole(Roles.SAFEGUARDING_LEAD) || s.isLeadProfessional(caller.agencyId().orElse(null), caller.subject())) {
            return s;
        }
        TeamView view = TeamView.of(s, timescales.days(), clock.instant());
        ChildSight sight = reads.require(view.childId(), "team",
                () -> ProblemException.notFound("no Team Around the Child is visible to the caller"));
        if (!Seen.inFull(view, sight)) {
            throw ProblemException.forbidden("a safeguarding lead changes a Team Around the Child only where its agency is a "
                    + "member or the child's front door");
        }
        return s;
    }

    private TeamActor actor() {
        return new TeamActor(caller.subject(), caller.agencyId().orElse(null), caller.hasRole(Roles.SAFEGUARDING_LEAD));
    }
}
