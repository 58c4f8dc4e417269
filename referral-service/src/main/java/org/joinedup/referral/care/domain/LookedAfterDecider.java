package org.joinedup.referral.care.domain;

import org.joinedup.events.care.CareVocabulary;
import org.joinedup.events.care.EmergencyProtectionOrderExpired;
import org.joinedup.events.care.LookedAfterEnded;
import org.joinedup.events.care.LookedAfterEvent;
import org.joinedup.events.care.LookedAfterLegalStatusChanged;
import org.joinedup.events.care.LookedAfterStarted;
import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A child looked after by the local authority: accommodated under section 20, or under an interim or full
 * care order (s38, s31), or an emergency protection order (s44, at most eight days: s45(1)). Recorded by the
 * local authority's children's social care (any other agency: forbidden, {@code statutory-duty}); only the
 * authority holding the episode changes it (any other: not found). An emergency protection order that runs
 * out with no other status or end recorded is recorded expired, once. The seven-day extension a court may
 * grant (s45(5)) is recorded as the order again, from the extension.
 */
public final class LookedAfterDecider implements Decider<LookedAfterCommand, LookedAfterState, LookedAfterEvent> {
    /** An emergency protection order lasts at most eight days (Children Act 1989 s45(1)). */
    public static final Duration ORDER = Duration.ofDays(8);

    @Override
    public LookedAfterState initialState() {
        return new LookedAfterState.None();
    }

    @Override
    public LookedAfterState evolve(LookedAfterState state, LookedAfterEvent event) {
        return LookedAfterState.evolve(state, event);
    }

    @Override
    public Decision<LookedAfterEvent> decide(LookedAfterCommand command, LookedAfterState state) {
        return switch (command) {
            case LookedAfterCommand.Start s -> start(s, state);
            case LookedAfterCommand.ChangeLegalStatus c -> open(state, c.actor())
                    .check(e -> !e.current().legalStatus().equals(c.legalStatus().wireName())
                                    || c.legalStatus() == CareVocabulary.LegalStatus.EMERGENCY_PROTECTION_ORDER,
                            e -> Refusal.conflict("same-legal-status", "the child is already looked after under "
                                    + e.current().legalStatus()))
                    .andThen(e -> CareRules.when(e, "changedAt", c.changedAt(), e.current().since(), "not-before-current",
                            "the current legal status", c.at()))
                    .then(e -> Decision.accept(overdue(e, c.at()), new LookedAfterLegalStatusChanged(e.started().episodeId(),
                            e.started().childId(), e.started().localAuthority(), c.legalStatus().wireName(), c.changedAt(),
                            expiry(c.legalStatus(), c.changedAt()), c.actor().person())));
            case LookedAfterCommand.End end -> open(state, end.actor())
                    .andThen(e -> CareRules.when(e, "endedAt", end.endedAt(), e.current().since(), "not-before-current",
                            "the current legal status", end.at()))
                    .then(e -> Decision.accept(overdue(e, end.at()), new LookedAfterEnded(e.started().episodeId(),
                            e.started().childId(), e.started().localAuthority(), end.reason().wireName(), end.note(),
                            end.endedAt(), end.actor().person())));
            case LookedAfterCommand.RecordOverdue o -> state instanceof LookedAfterState.Episode e
                    ? Decision.accept(overdue(e, o.at())) : Decision.none();
        };
    }

    private Decision<LookedAfterEvent> start(LookedAfterCommand.Start s, LookedAfterState state) {
        if (!s.actor().socialCare()) {
            return Decision.refuse(CareRules.duty("a child becoming looked after", "the local authority (children's social "
                    + "care)", s.actor()));
        }
        if (state instanceof LookedAfterState.Episode) {
            return Decision.refuse(Refusal.conflict("episode-exists", "episode " + s.episodeId() + " was already started"));
        }
        return CareRules.when(s, "startedAt", s.startedAt(), null, null, null, s.at()).then(x -> Decision.accept(
                new LookedAfterStarted(s.episodeId(), s.childId(), s.actor().agency(), s.legalStatus().wireName(),
                        s.startedAt(), expiry(s.legalStatus(), s.startedAt()), s.actor().person())));
    }

    private static Instant expiry(CareVocabulary.LegalStatus status, Instant from) {
        return status == CareVocabulary.LegalStatus.EMERGENCY_PROTECTION_ORDER ? from.plus(ORDER) : null;
    }

    /** The emergency protection order that ran out by {@code now}, not yet recorded. */
    public static List<LookedAfterEvent> overdue(LookedAfterState.Episode e, Instant now) {
        Instant expiry = e.pendingExpiry();
        return expiry == null || now.isBefore(expiry) ? List.of() : List.of(new EmergencyProtectionOrderExpired(
                e.started().episodeId(), e.started().childId(), e.started().localAuthority(), expiry, now));
    }

    private static Checked<LookedAfterState.Episode> open(LookedAfterState state, CareActor actor) {
        return (state instanceof LookedAfterState.Episode e && e.started().localAuthority().equals(actor.agency())
                ? Checked.pass(e) : Checked.<LookedAfterState.Episode>stop(Refusal.notFound("no looked-after episode is held "
                + "by agency " + actor.agency())))
                .check(LookedAfterState.Episode::open, e -> Refusal.conflict("episode-ended", "the child stopped being "
                        + "looked after (" + e.ended().reason() + ")"));
    }
}
