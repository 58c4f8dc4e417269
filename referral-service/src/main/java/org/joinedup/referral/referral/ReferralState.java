package org.joinedup.referral.referral;

import org.joinedup.events.EventPayload;
import org.joinedup.events.referral.AssessmentCompleted;
import org.joinedup.events.referral.AssessmentOverdue;
import org.joinedup.events.referral.ConferenceHeld;
import org.joinedup.events.referral.ConferenceOverdue;
import org.joinedup.events.referral.ReferralAcknowledged;
import org.joinedup.events.referral.ReferralClosed;
import org.joinedup.events.referral.ReferralDecided;
import org.joinedup.events.referral.ReferralDecisionOverdue;
import org.joinedup.events.referral.ReferralMade;
import org.joinedup.events.referral.ReferralOutcome;
import org.joinedup.events.referral.StrategyDiscussionHeld;

import java.util.List;

/**
 * What a referral's events say about it now. {@code made} is null when the referral does not exist;
 * each later fact is null until it happens.
 */
public record ReferralState(ReferralMade made, ReferralAcknowledged acknowledged, ReferralDecided decided,
                            AssessmentCompleted assessment, StrategyDiscussionHeld strategyDiscussion,
                            ConferenceHeld conference, ReferralClosed closed, ReferralDecisionOverdue decisionOverdue,
                            AssessmentOverdue assessmentOverdue, ConferenceOverdue conferenceOverdue, int version) {

    public static final ReferralState NONE = new ReferralState(null, null, null, null, null, null, null, null, null, null, 0);

    public boolean exists() {
        return made != null;
    }

    /** made, acknowledged, decided or closed. */
    public String status() {
        return closed != null ? "closed" : decided != null ? "decided" : acknowledged != null ? "acknowledged" : "made";
    }

    public ReferralOutcome outcome() {
        return decided == null ? null : ReferralOutcome.fromWireName(decided.outcome()).orElse(null);
    }

    public static ReferralState fold(List<? extends EventPayload> events) {
        ReferralState s = NONE;
        for (EventPayload e : events) {
            s = s.evolve(e);
        }
        return s;
    }

    public ReferralState evolve(EventPayload e) {
        int v = version + 1;
        if (e instanceof ReferralMade m) {
            return new ReferralState(m, null, null, null, null, null, null, null, null, null, v);
        }
        if (made == null) {
            throw new IllegalStateException(e.eventType().typeName() + " before referral-made");
        }
        if (e instanceof ReferralAcknowledged a) {
            return new ReferralState(made, a, decided, assessment, strategyDiscussion, conference, closed, decisionOverdue, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof ReferralDecided d) {
            return new ReferralState(made, acknowledged, d, assessment, strategyDiscussion, conference, closed, decisionOverdue, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof AssessmentCompleted a) {
            return new ReferralState(made, acknowledged, decided, a, strategyDiscussion, conference, closed, decisionOverdue, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof StrategyDiscussionHeld sd) {
            return new ReferralState(made, acknowledged, decided, assessment, sd, conference, closed, decisionOverdue, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof ConferenceHeld c) {
            return new ReferralState(made, acknowledged, decided, assessment, strategyDiscussion, c, closed, decisionOverdue, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof ReferralClosed c) {
            return new ReferralState(made, acknowledged, decided, assessment, strategyDiscussion, conference, c, decisionOverdue, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof ReferralDecisionOverdue o) {
            return new ReferralState(made, acknowledged, decided, assessment, strategyDiscussion, conference, closed, o, assessmentOverdue, conferenceOverdue, v);
        }
        if (e instanceof AssessmentOverdue o) {
            return new ReferralState(made, acknowledged, decided, assessment, strategyDiscussion, conference, closed, decisionOverdue, o, conferenceOverdue, v);
        }
        if (e instanceof ConferenceOverdue o) {
            return new ReferralState(made, acknowledged, decided, assessment, strategyDiscussion, conference, closed, decisionOverdue, assessmentOverdue, o, v);
        }
        throw new IllegalStateException(e.eventType().typeName() + " is not a referral event");
    }
}
