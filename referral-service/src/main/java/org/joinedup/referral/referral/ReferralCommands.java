package org.joinedup.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.events.EventPayload;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.team.MemberKind;
import org.joinedup.events.team.TeamMember;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.referral.clock.Timescales;
import org.joinedup.referral.concerns.ConcernsCopy;
import org.joinedup.referral.team.TeamCommands;
import org.joinedup.referral.team.TeamDecider;
import org.joinedup.referral.team.TeamViews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Carries out referral commands: decide, append the events with their outbox rows, refresh the read
 * model, all in one transaction. An early-help decision opens the child's Team Around the Child in
 * the same transaction.
 */
@ApplicationScoped
public class ReferralCommands {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReferralCommands.class);
    private final EventStore store;
    private final ReferralViews views;
    private final Timescales timescales;
    private final ConcernsCopy concerns;
    private final DirectoryQueries directory;
    private final TeamCommands teams;
    private final TeamViews teamViews;

    public ReferralCommands(EventStore store, ReferralViews views, Timescales timescales, ConcernsCopy concerns,
                            DirectoryQueries directory, TeamCommands teams, TeamViews teamViews) {
        this.store = store;
        this.views = views;
        this.timescales = timescales;
        this.concerns = concerns;
        this.directory = directory;
        this.teams = teams;
        this.teamViews = teamViews;
    }

    @Transactional
    public ReferralState make(MakeReferral c, EventMetadata meta) {
        directory.requireActiveAgency("toAgency", c.toAgency());
        concerns.requireCitable(c.childId(), c.concernIds(), c.fromAgency());
        ReferralState s = change(c.referralId(), null, meta, (state, now) -> ReferralDecider.make(c, state, timescales, now));
        LOG.infof("referral %s made by agency %s to agency %s for child %s", c.referralId(), c.fromAgency(), c.toAgency(),
                c.childId());
        return s;
    }

    /** Decides; an early-help outcome opens a Team Around the Child unless the child already has one. */
    @Transactional
    public ReferralState decide(UUID id, String ifMatch, String agency, String actor, ReferralOutcome outcome, String reason,
                                EventMetadata meta) {
        UUID newTeam = UUID.randomUUID();
        ReferralState s = change(id, ifMatch, meta, (state, now) -> ReferralDecider.decide(id, agency, actor, outcome, reason,
                state.exists() && outcome == ReferralOutcome.EARLY_HELP
                        ? teamViews.teamOfChild(state.made().childId()).orElse(newTeam) : null, state, timescales, now));
        ReferralDecided d = s.decided();
        if (newTeam.equals(d.teamId())) {
            List<TeamMember> members = List.of(
                    new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Referrer",
                            s.made().fromAgency(), s.made().referredBy()),
                    new TeamMember(UUID.randomUUID(), MemberKind.PRACTITIONER.wireName(), null, "Early help decision",
                            d.toAgency(), d.decidedBy()));
            teams.form(newTeam, s.made().childId(), id, members, null, null, timescales.reviewEveryWeeks(),
                    new TeamDecider.Actor(actor, agency, false), meta);
        }
        return s;
    }

    /** Any other change: the decider sees the referral's state and the current instant. */
    @Transactional
    public ReferralState change(UUID id, String ifMatch, EventMetadata meta,
                                BiFunction<ReferralState, Instant, List<EventPayload>> decider) {
        return apply(id, ifMatch, meta, decider).state();
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
        return apply(id, null, meta, ReferralDecider::overdue).appended();
    }

    private record Applied(ReferralState state, int appended) {
    }

    /** Decide, append, and refresh the read model from the stream as it now is (read once). */
    private Applied apply(UUID id, String ifMatch, EventMetadata meta,
                          BiFunction<ReferralState, Instant, List<EventPayload>> decider) {
        EventStore.Decision d = store.decision(ReferralDecider.streamId(id), ifMatch, meta,
                (past, now) -> decider.apply(ReferralState.fold(past), now));
        ReferralState s = ReferralState.fold(d.events());
        if (d.changed()) {
            views.put(s, d.appended().get(0).recordedAt());
        }
        return new Applied(s, d.appended().size());
    }
}
