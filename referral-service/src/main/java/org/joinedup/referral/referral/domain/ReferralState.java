package org.joinedup.referral.referral.domain;

import org.joinedup.events.referral.AssessmentCompleted;
import org.joinedup.events.referral.AssessmentOverdue;
import org.joinedup.events.referral.ConferenceHeld;
import org.joinedup.events.referral.ConferenceOverdue;
import org.joinedup.events.referral.EarlyHelpConsentRecorded;
import org.joinedup.events.referral.ReferralAcknowledged;
import org.joinedup.events.referral.ReferralClosed;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralDecisionOverdue;
import org.joinedup.events.referral.ReferralEvent;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.StrategyDiscussionHeld;

/** What a referral's events say about it now: nothing yet, or the referral and each step it has taken. */
public sealed interface ReferralState {

    /** Where a referral stands. */
    enum Status {
        MADE("made"), ACKNOWLEDGED("acknowledged"), DECIDED("decided"), CLOSED("closed");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** No referral-made yet. */
    record None() implements ReferralState {
    }

    /**
     * A referral made, and each later fact once it happened (null until then): acknowledged, decided,
     * its assessment completed, its strategy discussion and conference held, closed; and each clock that
     * was recorded overdue; and the family's answer to early help it offered ({@code consent}). {@code version}
     * counts its events (the ETag).
     */
    record Referral(ReferralMade made, Status status, ReferralAcknowledged acknowledged, ReferralDecided decided,
                    AssessmentCompleted assessment, StrategyDiscussionHeld strategyDiscussion, ConferenceHeld conference,
                    ReferralClosed closed, ReferralDecisionOverdue decisionOverdue, AssessmentOverdue assessmentOverdue,
                    ConferenceOverdue conferenceOverdue, EarlyHelpConsentRecorded consent, int version) implements ReferralState {

        /** Whether early help was offered and the family has not answered yet (decisions before consent was asked formed a team). */
        public boolean awaitingConsent() {
            return outcome() == ReferralOutcome.EARLY_HELP && decided.teamId() == null && consent == null;
        }

        public ReferralOutcome outcome() {
            return decided == null ? null : ReferralOutcome.fromWireName(decided.outcome()).orElse(null);
        }

        /** The referral one event later: the facts given, the status they make, the version counted on. */
        Referral with(ReferralAcknowledged a, ReferralDecided d, AssessmentCompleted ac, StrategyDiscussionHeld sd,
                      ConferenceHeld c, ReferralClosed cl, ReferralDecisionOverdue dov, AssessmentOverdue aov,
                      ConferenceOverdue cov) {
            Status s = cl != null ? Status.CLOSED : d != null ? Status.DECIDED : a != null ? Status.ACKNOWLEDGED : Status.MADE;
            return new Referral(made, s, a, d, ac, sd, c, cl, dov, aov, cov, consent, version + 1);
        }

        Referral withConsent(EarlyHelpConsentRecorded answer) {
            return new Referral(made, status, acknowledged, decided, assessment, strategyDiscussion, conference, closed,
                    decisionOverdue, assessmentOverdue, conferenceOverdue, answer, version + 1);
        }
    }

    static ReferralState evolve(ReferralState state, ReferralEvent event) {
        if (state instanceof None) {
            if (event instanceof ReferralMade m) {
                return new Referral(m, Status.MADE, null, null, null, null, null, null, null, null, null, null, 1);
            }
            throw new IllegalStateException(event.eventType().typeName() + " before referral-made");
        }
        Referral r = (Referral) state;
        return switch (event) {
            case ReferralMade m -> throw new IllegalStateException("referral-made twice in one stream");
            case ReferralAcknowledged a -> r.with(a, r.decided(),
                    r.assessment(), r.strategyDiscussion(), r.conference(), r.closed(), r.decisionOverdue(),
                    r.assessmentOverdue(), r.conferenceOverdue());
            case ReferralDecided d -> r.with(r.acknowledged(), d,
                    r.assessment(), r.strategyDiscussion(), r.conference(), r.closed(), r.decisionOverdue(),
                    r.assessmentOverdue(), r.conferenceOverdue());
            case ReferralClosed c -> r.with(r.acknowledged(), r.decided(), r.assessment(),
                    r.strategyDiscussion(), r.conference(), c, r.decisionOverdue(), r.assessmentOverdue(), r.conferenceOverdue());
            case AssessmentCompleted a -> r.with(r.acknowledged(), r.decided(), a, r.strategyDiscussion(),
                    r.conference(), r.closed(), r.decisionOverdue(), r.assessmentOverdue(), r.conferenceOverdue());
            case StrategyDiscussionHeld sd -> r.with(r.acknowledged(), r.decided(), r.assessment(), sd,
                    r.conference(), r.closed(), r.decisionOverdue(), r.assessmentOverdue(), r.conferenceOverdue());
            case ConferenceHeld c -> r.with(r.acknowledged(), r.decided(), r.assessment(), r.strategyDiscussion(),
                    c, r.closed(), r.decisionOverdue(), r.assessmentOverdue(), r.conferenceOverdue());
            case ReferralDecisionOverdue o -> r.with(r.acknowledged(), r.decided(), r.assessment(),
                    r.strategyDiscussion(), r.conference(), r.closed(), o, r.assessmentOverdue(), r.conferenceOverdue());
            case AssessmentOverdue o -> r.with(r.acknowledged(), r.decided(), r.assessment(),
                    r.strategyDiscussion(), r.conference(), r.closed(), r.decisionOverdue(), o, r.conferenceOverdue());
            case ConferenceOverdue o -> r.with(r.acknowledged(), r.decided(), r.assessment(),
                    r.strategyDiscussion(), r.conference(), r.closed(), r.decisionOverdue(), r.assessmentOverdue(), o);
            case EarlyHelpConsentRecorded c -> r.withConsent(c);
        };
    }
}
