package org.joinedup.referral.referral.domain;

import org.joinedup.events.care.CareVocabulary;
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
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;
import org.joinedup.referral.clock.Timescales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a referral and its statutory clocks. Only the receiving agency acts on it: it
 * acknowledges, decides once (after acknowledging), records the family's answer to early help it offered,
 * completes the assessment a decision asked for,
 * records the strategy discussion and conference a section 47 decision leads to, and closes it once
 * decided. Every decision first lets the clocks speak: a clock that ran out before the command is
 * recorded overdue (once) ahead of the command's own event, so a decision one minute late is on record
 * as late whether or not the sweep got there first.
 */
public final class ReferralDecider implements Decider<ReferralCommand, ReferralState, ReferralEvent> {
    /** Refused: another agency than the receiving one tried to act on the referral. */
    public static final String RECEIVING_AGENCY_ONLY = "receiving-agency-only";
    /**
     * Refused: a statutory step (an assessment of a child in need, a section 47 enquiry, immediate protection)
     * decided by an agency without the duty: only children's social care (Children Act 1989 s17, s47) has it.
     */
    public static final String STATUTORY_DUTY = "statutory-duty";
    private final Timescales timescales;

    public ReferralDecider(Timescales timescales) {
        this.timescales = timescales;
    }

    @Override
    public ReferralState initialState() {
        return new ReferralState.None();
    }

    @Override
    public ReferralState evolve(ReferralState state, ReferralEvent event) {
        return ReferralState.evolve(state, event);
    }

    @Override
    public Decision<ReferralEvent> decide(ReferralCommand command, ReferralState state) {
        return switch (command) {
            case ReferralCommand.Make m -> make(m, state);
            case ReferralCommand.Acknowledge a -> open(a.referralId(), a.agency(), state).then(r -> r.acknowledged() != null
                    ? Decision.none()
                    : Decision.accept(overdue(r, a.at()), new ReferralAcknowledged(a.referralId(), r.made().childId(),
                            a.agency(), a.actor(), a.at())));
            case ReferralCommand.Decide d -> decideOutcome(d, state);
            case ReferralCommand.Close c -> received(c.referralId(), c.agency(), state)
                    .check(r -> r.closed() == null, r -> Refusal.conflict("already-closed",
                            "referral " + c.referralId() + " is already closed"))
                    .check(r -> r.decided() != null, r -> Refusal.conflict("not-decided",
                            "referral " + c.referralId() + " cannot be closed before it is decided"))
                    .then(r -> Decision.accept(overdue(r, c.at()), new ReferralClosed(c.referralId(), r.made().childId(),
                            c.agency(), c.actor(), c.reason(), c.at())));
            case ReferralCommand.CompleteAssessment a -> open(a.referralId(), a.agency(), state)
                    .check(r -> r.decided() != null && r.decided().assessmentDueBy() != null, r -> Refusal.conflict(
                            "no-assessment", "referral " + a.referralId() + " was not decided for an assessment"))
                    .check(r -> r.assessment() == null, r -> Refusal.conflict("already-completed",
                            "the assessment of referral " + a.referralId() + " is already completed"))
                    .then(r -> Decision.accept(overdue(r, a.at()), new AssessmentCompleted(a.referralId(), r.made().childId(),
                            a.agency(), a.actor(), a.summary(), a.at())));
            case ReferralCommand.RecordConsent c -> open(c.referralId(), c.agency(), state)
                    .check(r -> r.outcome() == ReferralOutcome.EARLY_HELP, r -> Refusal.conflict("no-early-help-offer",
                            "referral " + c.referralId() + " was not decided for early help; the family's consent is asked "
                                    + "for early help only"))
                    .check(ReferralState.Referral::awaitingConsent, r -> Refusal.conflict("consent-recorded",
                            "the family's answer to the early help offered on referral " + c.referralId()
                                    + " is already recorded"))
                    .then(r -> Decision.accept(overdue(r, c.at()), new EarlyHelpConsentRecorded(c.referralId(),
                            r.made().childId(), c.agency(), c.consent().wireName(), c.note(),
                            c.consent() == CareVocabulary.Consent.GIVEN ? c.teamId() : null, c.actor(), c.at())));
            case ReferralCommand.HoldStrategyDiscussion sd -> strategyDiscussion(sd, state);
            case ReferralCommand.HoldConference c -> conference(c, state);
            case ReferralCommand.RecordOverdue o -> state instanceof ReferralState.Referral r
                    ? Decision.accept(overdue(r, o.at())) : Decision.none();
        };
    }

    private Decision<ReferralEvent> make(ReferralCommand.Make m, ReferralState state) {
        MakeReferral c = m.referral();
        if (state instanceof ReferralState.Referral) {
            return Decision.refuse(Refusal.conflict("referral-exists", "referral " + c.referralId() + " was already made"));
        }
        return Decision.accept(new ReferralMade(c.referralId(), c.childId(), c.fromAgency(), c.toAgency(), c.referredBy(),
                c.concernIds(), c.reason(), c.urgency().wireName(), c.familyInformed(), c.consent(), m.at(),
                timescales.days().dueBy(m.at(), timescales.decision())));
    }

    private Decision<ReferralEvent> decideOutcome(ReferralCommand.Decide d, ReferralState state) {
        return received(d.referralId(), d.agency(), state)
                .check(r -> d.statutoryDuty() || !d.outcome().needsAssessment(), r -> Refusal.forbidden(STATUTORY_DUTY,
                        d.outcome().wireName() + " is a statutory step of children's social care (Children Act 1989 s17, "
                                + "s47); agency " + d.agency() + " may decide no-further-action, support-offered or "
                                + "early-help on a referral it receives"))
                .check(r -> r.decided() == null, r -> Refusal.conflict("already-decided", "referral " + d.referralId()
                        + " was already decided (" + r.decided().outcome() + "); a decision is recorded once"))
                .check(r -> r.acknowledged() != null, r -> Refusal.conflict("not-acknowledged",
                        "referral " + d.referralId() + " must be acknowledged before it is decided"))
                .then(r -> {
                    Instant assessmentDue = d.outcome().needsAssessment()
                            ? timescales.days().dueBy(r.made().madeAt(), timescales.assessment()) : null;
                    return Decision.accept(overdue(r, d.at()), new ReferralDecided(d.referralId(), r.made().childId(),
                            d.agency(), d.actor(), d.outcome().wireName(), d.reason(), d.at(), assessmentDue, null));
                });
    }

    private Decision<ReferralEvent> strategyDiscussion(ReferralCommand.HoldStrategyDiscussion sd, ReferralState state) {
        return open(sd.referralId(), sd.agency(), state)
                .check(r -> r.outcome() != null && r.outcome().needsStrategyDiscussion(), r -> Refusal.conflict(
                        "no-strategy-discussion", "referral " + sd.referralId()
                                + " was not decided for a section 47 enquiry or immediate protection"))
                .check(r -> r.strategyDiscussion() == null, r -> Refusal.conflict("already-held",
                        "the strategy discussion of referral " + sd.referralId() + " is already recorded"))
                .andThen(r -> inThePast(r, sd.heldAt(), r.made().madeAt(), "not-before-referral", "the referral was made", sd.at()))
                .then(r -> Decision.accept(overdue(r, sd.at()), new StrategyDiscussionHeld(sd.referralId(), r.made().childId(),
                        sd.agency(), sd.actor(), sd.note(), sd.heldAt(),
                        timescales.days().dueBy(sd.heldAt(), timescales.conference()))));
    }

    private Decision<ReferralEvent> conference(ReferralCommand.HoldConference c, ReferralState state) {
        return open(c.referralId(), c.agency(), state)
                .check(r -> r.strategyDiscussion() != null, r -> Refusal.conflict("no-strategy-discussion",
                        "an initial child protection conference follows a strategy discussion; none is recorded for referral "
                                + c.referralId()))
                .check(r -> r.conference() == null, r -> Refusal.conflict("already-held",
                        "the conference of referral " + c.referralId() + " is already recorded"))
                .andThen(r -> inThePast(r, c.heldAt(), r.strategyDiscussion().heldAt(), "not-before-strategy-discussion",
                        "the strategy discussion", c.at()))
                .then(r -> Decision.accept(overdue(r, c.at()), new ConferenceHeld(c.referralId(), r.made().childId(),
                        c.agency(), c.actor(), c.note(), c.heldAt())));
    }

    /** The overdue events of every clock that has run out by {@code now} and has not said so yet. */
    public static List<ReferralEvent> overdue(ReferralState.Referral s, Instant now) {
        List<ReferralEvent> events = new ArrayList<>();
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
    public static Optional<Instant> nextDue(ReferralState.Referral s) {
        return StatutoryClock.of(s).stream().filter(StatutoryClock::pending).map(StatutoryClock::dueBy)
                .min(Comparator.naturalOrder());
    }

    /** The referral, when it exists (not found otherwise) and the agency receives it (forbidden for any other). */
    private static Checked<ReferralState.Referral> received(UUID id, String agency, ReferralState state) {
        if (!(state instanceof ReferralState.Referral r)) {
            return Checked.stop(Refusal.notFound("no referral " + id));
        }
        return Checked.pass(r).check(x -> x.made().toAgency().equals(agency), x -> Refusal.forbidden(RECEIVING_AGENCY_ONLY,
                "only the receiving agency (" + x.made().toAgency() + ") may change referral " + id
                        + "; the caller acts for " + agency));
    }

    /** {@link #received}, and not closed. */
    private static Checked<ReferralState.Referral> open(UUID id, String agency, ReferralState state) {
        return received(id, agency, state).check(r -> r.closed() == null,
                r -> Refusal.conflict("referral-closed", "referral " + id + " is closed"));
    }

    private static Checked<ReferralState.Referral> inThePast(ReferralState.Referral r, Instant at, Instant notBefore,
                                                             String notBeforeRule, String what, Instant now) {
        if (at.isAfter(now)) {
            return Checked.stop(Refusal.invalid("heldAt", "not-in-future", "must not be in the future"));
        }
        if (at.isBefore(notBefore)) {
            return Checked.stop(Refusal.invalid("heldAt", notBeforeRule, "must not be before " + what + " (" + notBefore + ")"));
        }
        return Checked.pass(r);
    }
}
