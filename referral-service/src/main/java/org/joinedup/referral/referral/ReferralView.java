package org.joinedup.referral.referral;

import org.joinedup.referral.referral.domain.ReferralState;
import org.joinedup.referral.referral.domain.StatutoryClock;

import org.joinedup.events.concern.Consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral as the referrer, the receiving agency and safeguarding leads see it: who asked whom
 * for what, each step with who, when and why, the outcome (the "follow through" the referrer is owed),
 * and each statutory clock with its status at the moment of reading.
 */
public record ReferralView(UUID referralId, UUID childId, String fromAgency, String toAgency, String referredBy,
                           List<UUID> concernIds, String reason, String urgency, String familyInformed, Consent consent,
                           String status, Instant madeAt, Step acknowledged, Decision decision, Step assessment,
                           Step strategyDiscussion, Step conference, Step closure, List<Clock> clocks, boolean overdue,
                           int version) {

    /** Who did a step, when, and what they wrote (a reason, a summary or a note). */
    public record Step(String by, Instant at, String note) {
    }

    /**
     * The decision; for early help, the family's answer ({@code earlyHelp}) and the Team Around the Child their
     * consent formed or joined ({@code teamId}).
     */
    public record Decision(String outcome, String reason, String by, Instant at, UUID teamId, EarlyHelp earlyHelp) {
    }

    /** The family's answer to early help offered: {@code awaiting}, {@code given} or {@code refused}; who recorded it, when. */
    public record EarlyHelp(String familyConsent, String note, String by, Instant at) {
    }

    /**
     * @param status running, overdue, met, met-late or stopped
     * @param overdueRecordedAt when the overdue event was recorded, if it was
     */
    public record Clock(String clock, Instant dueBy, Instant metAt, Instant stoppedAt, Instant overdueRecordedAt,
                        String status) {
    }

    public static ReferralView of(ReferralState.Referral s, Instant now) {
        var m = s.made();
        Step ack = s.acknowledged() == null ? null
                : new Step(s.acknowledged().acknowledgedBy(), s.acknowledged().acknowledgedAt(), null);
        Decision decision = s.decided() == null ? null : new Decision(s.decided().outcome(), s.decided().reason(),
                s.decided().decidedBy(), s.decided().decidedAt(),
                s.consent() != null ? s.consent().teamId() : s.decided().teamId(), earlyHelp(s));
        Step assessment = s.assessment() == null ? null
                : new Step(s.assessment().completedBy(), s.assessment().completedAt(), s.assessment().summary());
        Step strategy = s.strategyDiscussion() == null ? null : new Step(s.strategyDiscussion().recordedBy(),
                s.strategyDiscussion().heldAt(), s.strategyDiscussion().note());
        Step conference = s.conference() == null ? null
                : new Step(s.conference().recordedBy(), s.conference().heldAt(), s.conference().note());
        Step closure = s.closed() == null ? null : new Step(s.closed().closedBy(), s.closed().closedAt(), s.closed().reason());
        List<Clock> clocks = StatutoryClock.of(s).stream()
                .map(c -> new Clock(c.clock(), c.dueBy(), c.metAt(), c.stoppedAt(), c.overdueAt(), null)).toList();
        return new ReferralView(m.referralId(), m.childId(), m.fromAgency(), m.toAgency(), m.referredBy(), m.concernIds(),
                m.reason(), m.urgency(), m.familyInformed(), m.consent(), s.status().wireName(), m.madeAt(), ack, decision, assessment,
                strategy, conference, closure, clocks, false, s.version()).at(now);
    }

    private static EarlyHelp earlyHelp(ReferralState.Referral s) {
        if (s.outcome() != org.joinedup.events.referral.ReferralOutcome.EARLY_HELP) {
            return null;
        }
        if (s.consent() != null) {
            return new EarlyHelp(s.consent().consent(), s.consent().note(), s.consent().recordedBy(), s.consent().recordedAt());
        }
        // Decided before early help asked for consent, the decision itself formed the team.
        return s.decided().teamId() != null ? new EarlyHelp("given", null, s.decided().decidedBy(), s.decided().decidedAt())
                : new EarlyHelp("awaiting", null, null, null);
    }

    /** The same view with each clock's status as of {@code now}. */
    public ReferralView at(Instant now) {
        List<Clock> current = clocks.stream().map(c -> new Clock(c.clock(), c.dueBy(), c.metAt(), c.stoppedAt(),
                c.overdueRecordedAt(), new StatutoryClock(c.clock(), c.dueBy(), c.metAt(), c.stoppedAt(),
                c.overdueRecordedAt()).status(now))).toList();
        return new ReferralView(referralId, childId, fromAgency, toAgency, referredBy, concernIds, reason, urgency,
                familyInformed, consent, status, madeAt, acknowledged, decision, assessment, strategyDiscussion, conference,
                closure, current, current.stream().anyMatch(c -> c.status().equals("overdue")), version);
    }
}
