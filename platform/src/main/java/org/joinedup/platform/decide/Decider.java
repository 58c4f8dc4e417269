package org.joinedup.platform.decide;

import java.util.List;

/**
 * The shape of every event stream's rules (the Decider pattern, as occurrent and Jérémie Chassaing
 * describe it): three pure functions and nothing else.
 * <ul>
 *   <li>{@link #initialState()}: the state of a stream with no events yet;</li>
 *   <li>{@link #decide}: given a command and the current state, the new events, or a {@link Refusal}
 *       saying which rule the command breaks (never an HTTP status: the web edge maps refusals);</li>
 *   <li>{@link #evolve}: the state after one more event.</li>
 * </ul>
 * Commands ({@code C}) and events ({@code E}) are sealed families, so {@code decide} and {@code evolve}
 * are exhaustive {@code switch}es the compiler checks; the state ({@code S}) is immutable. A decider
 * reads no clock and no database: what it needs (the instant, a lookup's answer) comes in the command.
 * The {@code CommandHandler} in {@code platform.command} runs the cycle: load, fold, decide, append.
 *
 * @param <C> the stream's commands
 * @param <S> its state
 * @param <E> its events
 */
public interface Decider<C, S, E> {

    S initialState();

    Decision<E> decide(C command, S state);

    S evolve(S state, E event);

    /** The state after these events, oldest first, from the initial state. */
    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
