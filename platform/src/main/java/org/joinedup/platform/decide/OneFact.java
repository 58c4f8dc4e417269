package org.joinedup.platform.decide;

import java.util.Optional;

/**
 * The decider of a stream that holds one fact and nothing after it (an access record, a decision not
 * to share, a child record's registration, a dismissed match): the command states the fact, and a
 * second statement on the same stream is refused as a conflict named {@code rule}. The rules about the
 * fact itself are checked where the fact is put together; this keeps "recorded once" a rule like the
 * others, and every append behind a decider.
 */
public final class OneFact<E> implements Decider<OneFact.Record<E>, Optional<E>, E> {
    private final String rule;

    /** Record this fact. */
    public record Record<E>(E fact) {
    }

    /** @param rule the conflict's rule when the stream already holds its fact ({@code access-recorded}, ...) */
    public OneFact(String rule) {
        this.rule = rule;
    }

    @Override
    public Optional<E> initialState() {
        return Optional.empty();
    }

    @Override
    public Decision<E> decide(Record<E> command, Optional<E> state) {
        return state.isPresent()
                ? Decision.refuse(Refusal.conflict(rule, "this record already holds its fact"))
                : Decision.accept(command.fact());
    }

    @Override
    public Optional<E> evolve(Optional<E> state, E event) {
        if (state.isPresent()) {
            throw new IllegalStateException("a one-fact stream holds one event");
        }
        return Optional.of(event);
    }
}
