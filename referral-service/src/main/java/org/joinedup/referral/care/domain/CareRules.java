package org.joinedup.referral.care.domain;

import org.joinedup.platform.decide.Checked;
import org.joinedup.platform.decide.Refusal;

import java.time.Instant;

/** What the care deciders share: the statutory-duty refusal and the checks on when something happened. */
final class CareRules {
    /** Refused: an agency without the duty or the power tried to record a statutory step. */
    static final String STATUTORY_DUTY = "statutory-duty";

    private CareRules() {
    }

    static Refusal duty(String what, String who, CareActor actor) {
        return Refusal.forbidden(STATUTORY_DUTY, what + " is recorded by " + who + "; agency " + actor.agency()
                + " is not one");
    }

    /** {@code at} is not after {@code now} and not before {@code notBefore} ({@code rule}: what it must follow). */
    static <T> Checked<T> when(T value, String field, Instant at, Instant notBefore, String rule, String what, Instant now) {
        if (at.isAfter(now)) {
            return Checked.stop(Refusal.invalid(field, "not-in-future", "must not be in the future"));
        }
        if (notBefore != null && at.isBefore(notBefore)) {
            return Checked.stop(Refusal.invalid(field, rule, "must not be before " + what + " (" + notBefore + ")"));
        }
        return Checked.pass(value);
    }
}
