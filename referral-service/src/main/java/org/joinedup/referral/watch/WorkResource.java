package org.joinedup.referral.watch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.events.access.AccessBasis;
import org.joinedup.needtoknow.ChildReads;
import org.joinedup.needtoknow.ChildSight;
import org.joinedup.platform.access.AccessLog;
import org.joinedup.referral.Seen;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.referral.ReferralView;
import org.joinedup.referral.referral.ReferralViews;
import org.joinedup.referral.team.TeamViews;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** What is waiting on someone: a practitioner's own actions, and what is overdue. */
@Path("/")
@Tag(name = "Work")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {
    private final ReferralViews referrals;
    private final TeamViews teams;
    private final Caller caller;
    private final Clock clock;
    private final AccessLog access;

    @jakarta.inject.Inject
    ChildReads reads;

    public WorkResource(ReferralViews referrals, TeamViews teams, Caller caller, Clock clock, AccessLog access) {
        this.referrals = referrals;
        this.teams = teams;
        this.caller = caller;
        this.clock = clock;
        this.access = access;
    }

    @GET
    @Path("actions")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(summary = "The actions the calling practitioner owns, across every Team Around the Child, soonest due first",
            description = "status=open (default) or all; overdue=true for only those past their due date.")
    public Map<String, Object> myActions(@QueryParam("status") String status, @QueryParam("overdue") String overdue) {
        FieldErrors errors = new FieldErrors();
        if (status != null && !Set.of("open", "all").contains(status)) {
            errors.add("status", "one-of", "must be one of open, all");
        }
        if (overdue != null && !Set.of("true", "false").contains(overdue)) {
            errors.add("overdue", "boolean", "must be true or false");
        }
        errors.throwIfAny();
        var found = teams.actions(caller.requireAgency(), caller.subject(), !"all".equals(status), "true".equals(overdue),
                clock.instant(), 500);
        access.read("actions", found.stream().map(TeamViews.OwnedAction::childId).distinct().toList(), AccessBasis.OWN_AGENCY);
        return Map.of("actions", found);
    }

    @GET
    @Path("overdue")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "What is overdue: referrals whose statutory clock has run out, and open actions past their due date",
            description = "A practitioner sees the referrals their agency received and the actions their agency's "
                    + "practitioners own. A safeguarding lead sees those about children its agency is involved with "
                    + "(docs/access.md): referrals in full or as headlines as GET /referrals shows them, and the actions of "
                    + "teams it may see in full.")
    public Map<String, Object> overdue() {
        Instant now = clock.instant();
        if (!caller.hasRole(Roles.SAFEGUARDING_LEAD)) {
            String agency = caller.requireAgency();
            var referralList = referrals.list(agency, "received", null, null, true, now, 500);
            var actionList = teams.actions(agency, null, true, true, now, 500);
            access.read("overdue", Stream.concat(referralList.stream().map(ReferralView::childId),
                    actionList.stream().map(TeamViews.OwnedAction::childId)).distinct().toList(), AccessBasis.OWN_AGENCY);
            return Map.of("referrals", referralList.stream().map(Seen::full).toList(), "actions", actionList);
        }
        caller.requireAgency();
        List<ChildReads.Seen<ReferralView>> late = reads.visible(
                (offset, batch) -> referrals.list(null, null, null, null, true, now, offset, batch),
                v -> List.of(v.childId()), 500);
        List<ChildReads.Seen<TeamViews.OwnedAction>> actions = reads.visible(
                (offset, batch) -> teams.actions(null, null, true, true, now, offset, batch), a -> List.of(a.childId()), 500);
        List<TeamViews.OwnedAction> shown = actions.stream().filter(a -> teamInFull(a.row(), a.sights().get(0)))
                .map(ChildReads.Seen::row).toList();
        reads.readRows("overdue", late);
        reads.read("overdue", actions.stream().filter(a -> shown.contains(a.row())).flatMap(a -> a.sights().stream()).toList());
        return Map.of("referrals", late.stream().map(r -> Seen.inFull(r.row(), r.sights().get(0))
                ? (Object) Seen.full(r.row()) : Seen.headline(r.row(), reads)).toList(), "actions", shown);
    }

    private boolean teamInFull(TeamViews.OwnedAction action, ChildSight sight) {
        return sight.wholePicture() || teams.list(null, action.childId(), clock.instant(), 1).stream().findFirst()
                .map(t -> Seen.inFull(t, sight)).orElse(false);
    }
}
