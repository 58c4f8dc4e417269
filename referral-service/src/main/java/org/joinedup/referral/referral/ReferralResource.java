package org.joinedup.referral.referral;

import org.joinedup.referral.referral.domain.MakeReferral;
import org.joinedup.referral.referral.domain.ReferralCommand;
import org.joinedup.referral.referral.domain.ReferralState;

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
import org.joinedup.events.care.CareVocabulary;
import org.joinedup.events.referral.ReferralOutcome;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.joinedup.referral.referral.ReferralRequests.MAX_TEXT;

@Path("/referrals")
@Tag(name = "Referrals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {
    private static final Set<String> STATUSES = Set.of("made", "acknowledged", "decided", "closed");
    private final ReferralCommands commands;
    private final ReferralViews views;
    private final Caller caller;
    private final Clock clock;
    private final IdempotencyKeys idempotency;
    private final AccessLog access;

    @jakarta.inject.Inject
    ChildReads reads;

    public ReferralResource(ReferralCommands commands, ReferralViews views, Caller caller, Clock clock,
                            IdempotencyKeys idempotency, AccessLog access) {
        this.commands = commands;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
        this.idempotency = idempotency;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "Refer a child to another agency (children's social care, a MASH), for the caller's agency",
            description = "The child and concerns must be known from concerns.events, each concern raised by or shared "
                    + "with the caller's agency (422 otherwise); the receiving agency must be registered and active (422). "
                    + "The decision falls due one working day after the day the referral is made.")
    public Response make(ReferralRequests.Make body, @HeaderParam(Correlation.HEADER) String correlation,
                         @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        String agency = caller.requireAgency();
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON referral is required");
        }
        MakeReferral command = body.check(errors, UUID.randomUUID(), agency, caller.subject());
        errors.throwIfAny();
        return idempotency.once(key, agency + " POST /referrals", body, () -> {
            ReferralState.Referral s = commands.make(command, caller.eventMetadata(correlation));
            return new IdempotencyKeys.Answer(201,
                    uri.getBaseUriBuilder().path("referrals").path(command.referralId().toString()).build().toString(),
                    IfMatch.etag(s.version()).toString(), Seen.full(ReferralView.of(s, clock.instant())));
        });
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "Referrals: a practitioner's agency's, sent and received; a safeguarding lead's, as far as its "
            + "agency needs to know",
            description = "Filters: direction (sent, received; practitioners), status, childId, overdue=true (a statutory "
                    + "clock has run out), agencyId (safeguarding leads). Newest first; limit 1 to 500 (default 100). A lead "
                    + "sees referrals about children its agency has a relationship with or is the front door of (docs/access.md): "
                    + "in full (visibility: full) when its agency is on either side, is the front door, or the lead is under "
                    + "break-glass; otherwise as a headline (who referred to whom, when, the urgency, the status, whom to call).")
    public Map<String, Object> list(@QueryParam("direction") String direction, @QueryParam("status") String status,
                                    @QueryParam("childId") String childId, @QueryParam("overdue") String overdue,
                                    @QueryParam("agencyId") String agencyId, @QueryParam("limit") String limit) {
        boolean lead = caller.hasRole(Roles.SAFEGUARDING_LEAD);
        FieldErrors errors = new FieldErrors();
        if (direction != null && !Set.of("sent", "received").contains(direction)) {
            errors.add("direction", "one-of", "must be one of sent, received");
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add("status", "one-of", "must be one of made, acknowledged, decided, closed");
        }
        if (overdue != null && !Set.of("true", "false").contains(overdue)) {
            errors.add("overdue", "boolean", "must be true or false");
        }
        if (agencyId != null && !lead) {
            errors.add("agencyId", "safeguarding-lead-only", "only a safeguarding lead reads other agencies' referrals");
        }
        if (agencyId != null && (agencyId.isBlank() || agencyId.length() > 100)) {
            errors.add("agencyId", "length", "must be 1 to 100 characters");
        }
        UUID child = errors.uuid("childId", childId, false);
        int max = limit == null ? 100 : errors.integer("limit", limit, 1, 500);
        errors.throwIfAny();
        Instant now = clock.instant();
        boolean late = "true".equals(overdue);
        if (!lead) {
            List<ReferralView> own = views.list(caller.requireAgency(), direction, status, child, late, now, max);
            access.read("referrals", own.stream().map(ReferralView::childId).distinct().toList(), AccessBasis.OWN_AGENCY);
            return Map.of("referrals", own.stream().map(Seen::full).toList());
        }
        caller.requireAgency();
        List<ChildReads.Seen<ReferralView>> seen = reads.visible(
                (offset, batch) -> views.list(agencyId, direction, status, child, late, now, offset, batch),
                v -> List.of(v.childId()), max);
        reads.readRows("referrals", seen);
        return Map.of("referrals", seen.stream().map(r -> Seen.inFull(r.row(), r.sights().get(0))
                ? (Object) Seen.full(r.row()) : Seen.headline(r.row(), reads)).toList());
    }

    @GET
    @Path("{referralId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "A referral: in full for the referring and receiving agencies, the child's front door and a lead "
            + "under break-glass; a headline for another agency involved with the child",
            description = "In full: each step with who, when and why; the outcome the referrer is owed; each statutory clock "
                    + "with its status now (running, overdue, met, met-late, stopped). An agency with no relationship with the "
                    + "child gets 404, exactly as for a referral that does not exist, and the refusal is recorded.")
    public Response get(@PathParam("referralId") String referralId) {
        UUID id = Paths.id(referralId, "referral");
        java.util.function.Supplier<ProblemException> notFound =
                () -> ProblemException.notFound("no referral " + referralId + " is visible to the caller");
        caller.requireAgency();
        ReferralView view = views.get(id, clock.instant()).orElseThrow(notFound);
        ChildSight sight = reads.require(view.childId(), "referral", notFound);
        reads.read("referral", sight);
        if (Seen.inFull(view, sight)) {
            return Response.ok(Seen.full(view)).tag(IfMatch.etag(view.version())).build();
        }
        return Response.ok(Seen.headline(view, reads)).build();
    }

    @POST
    @Path("{referralId}/acknowledgement")
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency acknowledges a referral (a repeat records nothing)")
    public Response acknowledge(@PathParam("referralId") String referralId, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        return changed(id, ifMatch, correlation, now -> new ReferralCommand.Acknowledge(id, agency, caller.subject(), now));
    }

    @POST
    @Path("{referralId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency decides: no-further-action, support-offered, early-help, "
            + "child-in-need-assessment, section-47-enquiry or immediate-protection, with a reason",
            description = "Once only (409 the second time); only after acknowledgement (409). child-in-need-assessment, "
                    + "section-47-enquiry and immediate-protection are children's social care's (403 statutory-duty for any "
                    + "other agency); an assessment outcome starts the 45-working-day clock from the referral. early-help "
                    + "offers early help: nothing starts until the family consents (POST .../early-help-consent).")
    public Response decide(@PathParam("referralId") String referralId, ReferralRequests.Decide body,
                           @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        FieldErrors errors = new FieldErrors();
        ReferralRequests.Decide b = body == null ? new ReferralRequests.Decide(null, null) : body;
        ReferralOutcome outcome = b.check(errors);
        errors.throwIfAny();
        commands.decide(id, IfMatch.expected(ifMatch), agency, caller.subject(), outcome, b.reason().strip(),
                caller.eventMetadata(correlation));
        return current(id);
    }

    @POST
    @Path("{referralId}/early-help-consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency records the family's answer to the early help it offered",
            description = "consent: given (the child's Team Around the Child forms, or the referral joins the one open) or "
                    + "refused; note: what the family said (optional, at most 4000 characters). Once (409 consent-recorded); "
                    + "only after an early-help decision (409 no-early-help-offer).")
    public Response earlyHelpConsent(@PathParam("referralId") String referralId, ReferralRequests.FamilyConsent body,
                                     @HeaderParam(IfMatch.HEADER) String ifMatch,
                                     @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        FieldErrors errors = new FieldErrors();
        ReferralRequests.FamilyConsent b = body == null ? new ReferralRequests.FamilyConsent(null, null) : body;
        CareVocabulary.Consent consent = errors.oneOf("consent", b.consent(), CareVocabulary.Consent.class);
        String note = errors.optionalText("note", b.note(), MAX_TEXT);
        errors.throwIfAny();
        commands.recordConsent(id, IfMatch.expected(ifMatch), agency, caller.subject(), consent, note,
                caller.eventMetadata(correlation));
        return current(id);
    }

    @POST
    @Path("{referralId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency closes a decided referral, with a reason (409 when undecided or closed)")
    public Response close(@PathParam("referralId") String referralId, ReferralRequests.Reason body,
                          @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        String reason = FieldErrors.requiredText("reason", body == null ? null : body.reason(), MAX_TEXT);
        return changed(id, ifMatch, correlation, now -> new ReferralCommand.Close(id, agency, caller.subject(), reason, now));
    }

    @POST
    @Path("{referralId}/assessment-completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency records that the assessment is complete, with a summary (stops its clock)")
    public Response completeAssessment(@PathParam("referralId") String referralId, ReferralRequests.Summary body,
                                       @HeaderParam(IfMatch.HEADER) String ifMatch,
                                       @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        String summary = FieldErrors.requiredText("summary", body == null ? null : body.summary(), MAX_TEXT);
        return changed(id, ifMatch, correlation,
                now -> new ReferralCommand.CompleteAssessment(id, agency, caller.subject(), summary, now));
    }

    @POST
    @Path("{referralId}/strategy-discussion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency records the strategy discussion of a section 47 enquiry",
            description = "heldAt (RFC 3339, not in the future, not before the referral) starts the 15-working-day clock "
                    + "to the initial child protection conference.")
    public Response strategyDiscussion(@PathParam("referralId") String referralId, ReferralRequests.Meeting body,
                                       @HeaderParam(IfMatch.HEADER) String ifMatch,
                                       @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        ReferralRequests.Meeting.Checked meeting = ReferralRequests.Meeting.check(body);
        return changed(id, ifMatch, correlation, now -> new ReferralCommand.HoldStrategyDiscussion(id, agency,
                caller.subject(), meeting.note(), meeting.heldAt(), now));
    }

    @POST
    @Path("{referralId}/conference")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRACTITIONER)
    @Transactional
    @Operation(summary = "The receiving agency records the initial child protection conference (stops its clock)")
    public Response conference(@PathParam("referralId") String referralId, ReferralRequests.Meeting body,
                               @HeaderParam(IfMatch.HEADER) String ifMatch, @HeaderParam(Correlation.HEADER) String correlation) {
        UUID id = Paths.id(referralId, "referral");
        String agency = caller.requireAgency();
        ReferralRequests.Meeting.Checked meeting = ReferralRequests.Meeting.check(body);
        return changed(id, ifMatch, correlation,
                now -> new ReferralCommand.HoldConference(id, agency, caller.subject(), meeting.note(), meeting.heldAt(), now));
    }

    private Response changed(UUID id, String ifMatch, String correlation, Function<Instant, ReferralCommand> command) {
        commands.change(id, IfMatch.expected(ifMatch), caller.eventMetadata(correlation), command);
        return current(id);
    }

    private Response current(UUID id) {
        ReferralView view = views.get(id, clock.instant()).orElseThrow();
        return Response.ok(Seen.full(view)).tag(IfMatch.etag(view.version())).build();
    }

}
