package org.joinedup.referral.watch;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.joinedup.referral.referral.ReferralCommands;
import org.joinedup.referral.referral.ReferralViews;
import org.joinedup.referral.team.TeamCommands;
import org.joinedup.referral.team.TeamViews;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Looks, every {@code joinedup.clocks.sweep-every}, for referrals whose statutory clock has run out
 * and teams whose action or review has fallen due, and records each overdue event once. The events
 * are decided from each stream and the current time, so a sweep that runs twice, or on two
 * instances at once, records nothing twice (the second append loses on the stream version).
 */
@ApplicationScoped
public class ClockSweep {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ClockSweep.class);
    private static final int BATCH = 500;
    private final ReferralViews referrals;
    private final ReferralCommands referralCommands;
    private final TeamViews teams;
    private final TeamCommands teamCommands;
    private final org.joinedup.referral.frontdoor.TriageViews triage;
    private final org.joinedup.referral.frontdoor.TriageCommands triageCommands;
    private final org.joinedup.referral.protection.ChildProtectionViews episodes;
    private final org.joinedup.referral.protection.ChildProtectionCommands episodeCommands;
    private final org.joinedup.referral.care.CareViews care;
    private final org.joinedup.referral.care.CareCommands careCommands;
    private final Clock clock;

    public ClockSweep(ReferralViews referrals, ReferralCommands referralCommands, TeamViews teams, TeamCommands teamCommands,
                      org.joinedup.referral.frontdoor.TriageViews triage,
                      org.joinedup.referral.frontdoor.TriageCommands triageCommands,
                      org.joinedup.referral.protection.ChildProtectionViews episodes,
                      org.joinedup.referral.protection.ChildProtectionCommands episodeCommands,
                      org.joinedup.referral.care.CareViews care, org.joinedup.referral.care.CareCommands careCommands,
                      Clock clock) {
        this.care = care;
        this.careCommands = careCommands;
        this.episodes = episodes;
        this.episodeCommands = episodeCommands;
        this.triage = triage;
        this.triageCommands = triageCommands;
        this.referrals = referrals;
        this.referralCommands = referralCommands;
        this.teams = teams;
        this.teamCommands = teamCommands;
        this.clock = clock;
    }

    @Scheduled(every = "${joinedup.clocks.sweep-every}", delayed = "${joinedup.clocks.sweep-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** One pass; returns how many overdue events were recorded. */
    public int sweep() {
        int recorded = 0;
        for (ReferralViews.Due due : referrals.due(clock.instant(), BATCH)) {
            try {
                recorded += referralCommands.recordOverdue(due.referralId(), due.toAgency());
            } catch (RuntimeException e) {
                LOG.warnf("could not record the overdue clocks of referral %s (retried next sweep): %s", due.referralId(),
                        e.toString());
            }
        }
        for (UUID id : teams.due(clock.instant(), BATCH)) {
            try {
                recorded += teamCommands.recordOverdue(id);
            } catch (RuntimeException e) {
                LOG.warnf("could not record the overdue actions of team %s (retried next sweep): %s", id, e.toString());
            }
        }
        for (UUID id : triage.due(clock.instant(), BATCH)) {
            try {
                recorded += triageCommands.recordOverdue(id);
            } catch (RuntimeException e) {
                LOG.warnf("could not record the overdue decision of triage item %s (retried next sweep): %s", id, e.toString());
            }
        }
        for (UUID id : episodes.due(clock.instant(), BATCH)) {
            try {
                recorded += episodeCommands.recordOverdue(id);
            } catch (RuntimeException e) {
                LOG.warnf("could not record the overdue clocks of child protection episode %s (retried next sweep): %s", id,
                        e.toString());
            }
        }
        for (String kind : List.of(org.joinedup.referral.care.CareEpisodeView.CHILD_IN_NEED_PLAN,
                org.joinedup.referral.care.CareEpisodeView.LOOKED_AFTER, org.joinedup.referral.care.CareEpisodeView.POLICE_PROTECTION)) {
            for (UUID id : care.due(kind, clock.instant(), BATCH)) {
                try {
                    recorded += careCommands.recordOverdue(kind, id);
                } catch (RuntimeException e) {
                    LOG.warnf("could not record the overdue clock of %s %s (retried next sweep): %s", kind, id, e.toString());
                }
            }
        }
        if (recorded > 0) {
            LOG.infof("clock sweep recorded %d overdue event(s)", recorded);
        }
        return recorded;
    }
}
