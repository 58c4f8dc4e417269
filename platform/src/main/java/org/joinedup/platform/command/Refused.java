package org.joinedup.platform.command;

import org.joinedup.platform.decide.Refusal;

/**
 * A {@link Refusal} on its way out of a command: thrown by the {@link CommandHandler} when the decider
 * refused (rolling the transaction back, so nothing is half-written), and by application services for
 * rules they check outside any one stream (an unknown agency, a child that already has a team). The
 * web edge maps it to {@code application/problem+json} in one place.
 */
public class Refused extends RuntimeException {
    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
