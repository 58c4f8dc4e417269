package org.joinedup.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralEvent;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.referral.referral.domain.MakeReferral;
import org.joinedup.referral.referral.domain.ReferralCommand;
import org.joinedup.referral.referral.domain.ReferralDecider;
import org.joinedup.referral.referral.domain.ReferralState;
import org.joinedup.referral.team.TeamCommands;
import org.joinedup.referral.team.TeamViews;
import org.joinedup.referral.team.domain.TeamActor;
import org.joinedup.referral.team.domain.TeamCommand;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs referral commands through the {@link CommandHandler}, keeping the referral's read model in the
 * command's transaction. An early-help decision opens the child's Team Around the Child in the same
 * transaction.
 */
@ApplicationScoped
public class ReferralCommands {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReferralCommands.class);
    private final CommandHandler handler;
    private final ReferralViews views;
    private final Timescales timescales;
    private final ConcernsCopy concerns;
    private final DirectoryQueries directory;
    private final TeamCommands teams;
    private final TeamViews teamViews;
    private final StreamKind<ReferralCommand, ReferralState, ReferralEvent> referrals;

    public ReferralCommands(CommandHandler handler, ReferralViews views, Timescales timescales, ConcernsCopy concerns,
                            DirectoryQueries directory, TeamCommands teams, TeamViews teamViews) {
        this.handler = handler;
        this.views = views;
        this.timescales = timescales;
        this.concerns = concerns;
        this.directory = directory;
        this.teams = teams;
        this.teamViews = teamViews;
        this.referrals = StreamKind.of("referral-", ReferralEvent.class, new ReferralDecider(timescales))
                .keeping((state, appended) -> views.put((ReferralState.Referral) state, appended.get(0).recordedAt()));
    }

    @Transactional
    public ReferralState.Referral make(MakeReferral c, EventMetadata meta) {
        directory.requireActiveAgency("toAgency", c.toAgency());
        concerns.requireCitable(c.childId(), c.concernIds(), c.fromAgency());
        ReferralState.Referral s = (ReferralState.Referral) handler.start(referrals, c.referralId(), meta,
                now -> new ReferralCommand.Make(c, now)).state();
        LOG.infof("referral %s made by agency %s to agency %s for child %s", c.referralId(), c.fromAgency(), c.toAgency(),
                c.childId());
        return s;
    }

    /** Decides; an early-help outcome opens a Team Around the Child unless the child already has one. */
    @Transactional
    public void decide(UUID id, ExpectedVersion expected, String agency, String actor, ReferralOutcome outcome, String reason,
                       EventMetadata meta) {
        UUID newTeam = UUID.randomUUID();
        UUID teamId = outcome != ReferralOutcome.EARLY_HELP ? null : views.get(id, handler.now())
                .map(v -> teamViews.teamOfChild(v.childId()).orElse(newTeam)).orElse(null);
        boolean statutoryDuty = directory.agency(agency).map(a -> AgencyKind.CHILDRENS_SOCIAL_CARE.wireName().equals(a.kind()))
                .orElse(false);
        ReferralState.Referral s = (ReferralState.Referral) handler.handle(referrals, id, expected, meta,
                now -> new ReferralCommand.Decide(id, agency, actor, outcome, reason, teamId, statutoryDuty, now)).state();
        ReferralDecided d = s.decided();
        if (newTeam.equals(d.teamId())) {
            List<TeamMember> members = List.of(
                    new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Referrer",
                            s.made().fromAgency(), s.made().referredBy()),
                    new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Early help decision",
                            d.toAgency(), d.decidedBy()));
            teams.form(meta, now -> new TeamCommand.Form(newTeam, s.made().childId(), id, members, null, null,
                    timescales.reviewEveryWeeks(), null, new TeamActor(actor, agency, false), now));
        }
    }

    /** Any other change, at the version the caller expects. */
    @Transactional
    public Handled<ReferralState> change(UUID id, ExpectedVersion expected, EventMetadata meta,
                                         Function<Instant, ReferralCommand> command) {
        return handler.handle(referrals, id, expected, meta, command);
    }

    /**
     * Records whatever clocks of the referral have run out by now (the sweep calls this), as the
     * service itself on behalf of the receiving agency, whose clock it is.
     *
     * @return how many overdue events were recorded
     */
    @Transactional
    public int recordOverdue(UUID id, String receivingAgency) {
        EventMetadata meta = new EventMetadata("referral-service", receivingAgency, UUID.randomUUID(), null);
        return handler.handle(referrals, id, ExpectedVersion.any(), meta, ReferralCommand.RecordOverdue::new).appended().size();
    }
}
