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
import org.joinedup.platform.http.ProblemException;
import org.joinedup.referral.clock.Timescales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what a command on a referral records, given its past events and the current instant. Pure.
 * Every decision first lets the clocks speak: a clock that ran out before the command is recorded as
 * overdue (once) ahead of the command's own event, so a decision one minute late is on record as late
 * whether or not the sweep got there first.
 */
public final class ReferralDecider {
    private ReferralDecider() {
    }

    /** The event-store stream of a referral. */
    public static String streamId(UUID referralId) {
        return "referral-" + referralId;
    }

    public static List<EventPayload> make(MakeReferral c, ReferralState s, Timescales t, Instant now) {
        if (s.exists()) {
            throw ProblemException.conflict("referral-exists", "referral " + c.referralId() + " was already made");
        }
        return List.of(new ReferralMade(c.referralId(), c.childId(), c.fromAgency(), c.toAgency(), c.referredBy(),
                c.concernIds(), c.reason(), c.urgency().wireName(), c.familyInformed(), c.consent(), now,
                t.days().dueBy(now, t.decision())));
    }

    public static List<EventPayload> acknowledge(UUID id, String agency, String actor, ReferralState s, Instant now) {
        receivedBy(id, agency, s);
        if (s.closed() != null) {
            throw ProblemException.conflict("referral-closed", "referral " + id + " is closed");
        }
        if (s.acknowledged() != null) {
            return List.of(); // already acknowledged: an idempotent repeat records nothing
        }
        return with(overdue(s, now), new ReferralAcknowledged(id, s.made().childId(), agency, actor, now));
    }

    public static List<EventPayload> decide(UUID id, String agency, String actor, ReferralOutcome outcome, String reason,
                                            UUID teamId, ReferralState s, Timescales t, Instant now) {
        receivedBy(id, agency, s);
        if (s.decided() != null) {
            throw ProblemException.conflict("already-decided", "referral " + id + " was already decided ("
                    + s.decided().outcome() + "); a decision is recorded once");
        }
        if (s.acknowledged() == null) {
            throw ProblemException.conflict("not-acknowledged", "referral " + id + " must be acknowledged before it is decided");
        }
        Instant assessmentDue = outcome.needsAssessment() ? t.days().dueBy(s.made().madeAt(), t.assessment()) : null;
        return with(overdue(s, now), new ReferralDecided(id, s.made().childId(), agency, actor, outcome.wireName(), reason,
                now, assessmentDue, outcome == ReferralOutcome.EARLY_HELP ? teamId : null));
    }

    public static List<EventPayload> close(UUID id, String agency, String actor, String reason, ReferralState s, Instant now) {
        receivedBy(id, agency, s);
        if (s.closed() != null) {
            throw ProblemException.conflict("already-closed", "referral " + id + " is already closed");
        }
        if (s.decided() == null) {
            throw ProblemException.conflict("not-decided", "referral " + id + " cannot be closed before it is decided");
        }
        return with(overdue(s, now), new ReferralClosed(id, s.made().childId(), agency, actor, reason, now));
    }

    public static List<EventPayload> completeAssessment(UUID id, String agency, String actor, String summary,
                                                        ReferralState s, Instant now) {
        open(id, agency, s);
        if (s.decided() == null || s.decided().assessmentDueBy() == null) {
            throw ProblemException.conflict("no-assessment", "referral " + id + " was not decided for an assessment");
        }
        if (s.assessment() != null) {
            throw ProblemException.conflict("already-completed", "the assessment of referral " + id + " is already completed");
        }
        return with(overdue(s, now), new AssessmentCompleted(id, s.made().childId(), agency, actor, summary, now));
    }

    /** @param heldAt when the discussion took place: not in the future, not before the referral */
    public static List<EventPayload> holdStrategyDiscussion(UUID id, String agency, String actor, String note, Instant heldAt,
                                                            ReferralState s, Timescales t, Instant now) {
        open(id, agency, s);
        ReferralOutcome outcome = s.outcome();
        if (outcome == null || !outcome.needsStrategyDiscussion()) {
            throw ProblemException.conflict("no-strategy-discussion",
                    "referral " + id + " was not decided for a section 47 enquiry or immediate protection");
        }
        if (s.strategyDiscussion() != null) {
            throw ProblemException.conflict("already-held", "the strategy discussion of referral " + id + " is already recorded");
        }
        inThePast("heldAt", heldAt, s.made().madeAt(), "the referral was made", now);
        return with(overdue(s, now), new StrategyDiscussionHeld(id, s.made().childId(), agency, actor, note, heldAt,
                t.days().dueBy(heldAt, t.conference())));
    }

    public static List<EventPayload> holdConference(UUID id, String agency, String actor, String note, Instant heldAt,
                                                    ReferralState s, Instant now) {
        open(id, agency, s);
        if (s.strategyDiscussion() == null) {
            throw ProblemException.conflict("no-strategy-discussion",
                    "an initial child protection conference follows a strategy discussion; none is recorded for referral " + id);
        }
        if (s.conference() != null) {
            throw ProblemException.conflict("already-held", "the conference of referral " + id + " is already recorded");
        }
        inThePast("heldAt", heldAt, s.strategyDiscussion().heldAt(), "the strategy discussion", now);
        return with(overdue(s, now), new ConferenceHeld(id, s.made().childId(), agency, actor, note, heldAt));
    }

    /** The overdue events of every clock that has run out by {@code now} and has not said so yet. */
    public static List<EventPayload> overdue(ReferralState s, Instant now) {
        List<EventPayload> events = new ArrayList<>();
        for (StatutoryClock c : StatutoryClock.of(s)) {
            if (!c.pending() || now.isBefore(c.dueBy())) {
                continue;
            }
            UUID id = s.made().referralId();
            UUID child = s.made().childId();
            String to = s.made().toAgency();
            switch (c.clock()) {
                case StatutoryClock.DECISION -> events.add(new ReferralDecisionOverdue(id, child, to, c.dueBy(), now));
                case StatutoryClock.ASSESSMENT -> events.add(new AssessmentOverdue(id, child, to, c.dueBy(), now));
                default -> events.add(new ConferenceOverdue(id, child, to, c.dueBy(), now));
            }
        }
        return events;
    }

    /** When the next clock runs out that has not yet been recorded overdue; empty when none is waiting. */
    public static Optional<Instant> nextDue(ReferralState s) {
        return StatutoryClock.of(s).stream().filter(StatutoryClock::pending).map(StatutoryClock::dueBy)
                .min(Comparator.naturalOrder());
    }

    /** The referral exists and the agency receives it: 404 when it does not exist, 403 for any other agency. */
    static void receivedBy(UUID id, String agency, ReferralState s) {
        if (!s.exists()) {
            throw ProblemException.notFound("no referral " + id);
        }
        if (!s.made().toAgency().equals(agency)) {
            throw ProblemException.forbidden("only the receiving agency (" + s.made().toAgency()
                    + ") may change referral " + id + "; the caller acts for " + agency);
        }
    }

    private static void open(UUID id, String agency, ReferralState s) {
        receivedBy(id, agency, s);
        if (s.closed() != null) {
            throw ProblemException.conflict("referral-closed", "referral " + id + " is closed");
        }
    }

    private static void inThePast(String field, Instant at, Instant notBefore, String what, Instant now) {
        if (at.isAfter(now)) {
            throw ProblemException.invalid(field, "not-in-future", "must not be in the future");
        }
        if (at.isBefore(notBefore)) {
            throw ProblemException.invalid(field, "not-before-" + (what.contains("strategy") ? "strategy-discussion" : "referral"),
                    "must not be before " + what + " (" + notBefore + ")");
        }
    }

    private static List<EventPayload> with(List<EventPayload> first, EventPayload event) {
        List<EventPayload> all = new ArrayList<>(first);
        all.add(event);
        return all;
    }
}
