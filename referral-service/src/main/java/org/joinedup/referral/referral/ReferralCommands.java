package org.joinedup.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.care.CareVocabulary;
import org.joinedup.events.directory.AgencyKind;
import org.joinedup.events.frontdoor.ContactReceived;
import org.joinedup.events.referral.ReferralEvent;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.ReferralUrgency;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.Handled;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.referral.frontdoor.FrontDoors;
import org.joinedup.referral.frontdoor.TriageCommands;
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
 * command's transaction. The family's consent to early help opens the child's Team Around the Child in
 * the same transaction.
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
    private final TriageCommands triage;
    private final FrontDoors frontDoors;
    private final StreamKind<ReferralCommand, ReferralState, ReferralEvent> referrals;

    public ReferralCommands(CommandHandler handler, ReferralViews views, Timescales timescales, ConcernsCopy concerns,
                            DirectoryQueries directory, TeamCommands teams, TeamViews teamViews, TriageCommands triage,
                            FrontDoors frontDoors) {
        this.triage = triage;
        this.frontDoors = frontDoors;
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
        if (frontDoors.isFrontDoor(c.toAgency())) {
            // A referral to a front door is a contact with more in it: it joins the same triage queue, in this transaction.
            triage.receive(new TriageCommands.Contact(c.childId(), c.toAgency(), ContactReceived.REFERRAL, c.referralId(),
                    c.fromAgency(), riskOf(c.urgency()), s.made().madeAt()), meta);
        }
        LOG.infof("referral %s made by agency %s to agency %s for child %s", c.referralId(), c.fromAgency(), c.toAgency(),
                c.childId());
        return s;
    }

    /** The risk a referral's urgency stands for in the triage queue: immediate, high (urgent) or medium (routine). */
    static String riskOf(ReferralUrgency urgency) {
        return switch (urgency) {
            case IMMEDIATE -> "immediate";
            case URGENT -> "high";
            case ROUTINE -> "medium";
        };
    }

    /** Decides; an early-help outcome offers early help, and nothing starts until the family consents. */
    @Transactional
    public void decide(UUID id, ExpectedVersion expected, String agency, String actor, ReferralOutcome outcome, String reason,
                       EventMetadata meta) {
        boolean statutoryDuty = directory.agency(agency).map(a -> AgencyKind.CHILDRENS_SOCIAL_CARE.wireName().equals(a.kind()))
                .orElse(false);
        handler.handle(referrals, id, expected, meta,
                now -> new ReferralCommand.Decide(id, agency, actor, outcome, reason, statutoryDuty, now));
    }

    /**
     * Records the family's answer to the early help offered; when they consent, the child's Team Around the
     * Child forms in the same transaction (or the referral joins the team the child already has open).
     */
    @Transactional
    public ReferralState.Referral recordConsent(UUID id, ExpectedVersion expected, String agency, String actor,
                                                CareVocabulary.Consent consent, String note, EventMetadata meta) {
        UUID newTeam = UUID.randomUUID();
        UUID teamId = consent != CareVocabulary.Consent.GIVEN ? null : views.get(id, handler.now())
                .map(v -> teamViews.teamOfChild(v.childId()).orElse(newTeam)).orElse(null);
        ReferralState.Referral s = (ReferralState.Referral) handler.handle(referrals, id, expected, meta,
                now -> new ReferralCommand.RecordConsent(id, agency, actor, consent, note, teamId, now)).state();
        if (newTeam.equals(s.consent().teamId())) {
            List<TeamMember> members = List.of(
                    new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Referrer",
                            s.made().fromAgency(), s.made().referredBy()),
                    new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Early help decision",
                            s.decided().toAgency(), s.decided().decidedBy()));
            teams.form(meta, now -> new TeamCommand.Form(newTeam, s.made().childId(), id, members, null, null,
                    timescales.reviewEveryWeeks(), null, new TeamActor(actor, agency, false), now));
        }
        return s;
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
