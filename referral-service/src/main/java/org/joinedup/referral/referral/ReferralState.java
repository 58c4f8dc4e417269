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
 * each later fact is null until it happens. Built by {@link #fold}; not changed afterwards.
 */
public final class ReferralState {
    public static final ReferralState NONE = new ReferralState();

    private ReferralMade made;
    private ReferralAcknowledged acknowledged;
    private ReferralDecided decided;
    private AssessmentCompleted assessment;
    private StrategyDiscussionHeld strategyDiscussion;
    private ConferenceHeld conference;
    private ReferralClosed closed;
    private ReferralDecisionOverdue decisionOverdue;
    private AssessmentOverdue assessmentOverdue;
    private ConferenceOverdue conferenceOverdue;
    private int version;

    public static ReferralState fold(List<? extends EventPayload> events) {
        ReferralState s = new ReferralState();
        events.forEach(s::apply);
        return s;
    }

    private void apply(EventPayload e) {
        if (made == null && !(e instanceof ReferralMade)) {
            throw new IllegalStateException(e.eventType().typeName() + " before referral-made");
        }
        if (e instanceof ReferralMade m) {
            made = m;
        } else if (e instanceof ReferralAcknowledged a) {
            acknowledged = a;
        } else if (e instanceof ReferralDecided d) {
            decided = d;
        } else if (e instanceof AssessmentCompleted a) {
            assessment = a;
        } else if (e instanceof StrategyDiscussionHeld sd) {
            strategyDiscussion = sd;
        } else if (e instanceof ConferenceHeld c) {
            conference = c;
        } else if (e instanceof ReferralClosed c) {
            closed = c;
        } else if (e instanceof ReferralDecisionOverdue o) {
            decisionOverdue = o;
        } else if (e instanceof AssessmentOverdue o) {
            assessmentOverdue = o;
        } else if (e instanceof ConferenceOverdue o) {
            conferenceOverdue = o;
        } else {
            throw new IllegalStateException(e.eventType().typeName() + " is not a referral event");
        }
        version++;
    }

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

    public ReferralMade made() {
        return made;
    }

    public ReferralAcknowledged acknowledged() {
        return acknowledged;
    }

    public ReferralDecided decided() {
        return decided;
    }

    public AssessmentCompleted assessment() {
        return assessment;
    }

    public StrategyDiscussionHeld strategyDiscussion() {
        return strategyDiscussion;
    }

    public ConferenceHeld conference() {
        return conference;
    }

    public ReferralClosed closed() {
        return closed;
    }

    public ReferralDecisionOverdue decisionOverdue() {
        return decisionOverdue;
    }

    public AssessmentOverdue assessmentOverdue() {
        return assessmentOverdue;
    }

    public ConferenceOverdue conferenceOverdue() {
        return conferenceOverdue;
    }

    public int version() {
        return version;
    }
}
