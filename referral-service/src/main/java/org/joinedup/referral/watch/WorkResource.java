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
import org.joinedup.platform.access.AccessLog;
import org.joinedup.platform.http.FieldErrors;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.security.Roles;
import org.joinedup.referral.referral.ReferralView;
import org.joinedup.referral.referral.ReferralViews;
import org.joinedup.referral.team.TeamViews;

import java.time.Clock;
import java.time.Instant;
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
        access.read("actions", found.stream().map(TeamViews.OwnedAction::childId).distinct().toList());
        return Map.of("actions", found);
    }

    @GET
    @Path("overdue")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SAFEGUARDING_LEAD})
    @Operation(summary = "What is overdue: referrals whose statutory clock has run out, and open actions past their due date",
            description = "A practitioner sees the referrals their agency received and the actions their agency's "
                    + "practitioners own; a safeguarding lead sees everything.")
    public Map<String, Object> overdue() {
        boolean lead = caller.hasRole(Roles.SAFEGUARDING_LEAD);
        String agency = lead ? null : caller.requireAgency();
        Instant now = clock.instant();
        var referralList = referrals.list(agency, agency == null ? null : "received", null, null, true, now, 500);
        var actionList = teams.actions(agency, null, true, true, now, 500);
        access.read("overdue", Stream.concat(referralList.stream().map(ReferralView::childId),
                actionList.stream().map(TeamViews.OwnedAction::childId)).distinct().toList());
        return Map.of("referrals", referralList, "actions", actionList);
    }
}
