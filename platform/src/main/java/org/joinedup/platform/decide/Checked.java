package org.joinedup.platform.decide;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A guard's answer inside a decider: the value it checked (the referral as its receiving agency may
 * change it, the action as the caller may close it), or the refusal that stops the command. Guards
 * chain with {@link #check} and end in {@link #then}, which decides from the checked value:
 * <pre>{@code
 * return received(c.referralId(), c.agency(), state)
 *         .check(r -> r.closed() == null, r -> Refusal.conflict("referral-closed", "..."))
 *         .then(r -> Decision.accept(new ReferralAcknowledged(...)));
 * }</pre>
 */
public sealed interface Checked<T> {

    record Passed<T>(T value) implements Checked<T> {
    }

    record Stopped<T>(Refusal refusal) implements Checked<T> {
    }

    static <T> Checked<T> pass(T value) {
        return new Passed<>(value);
    }

    static <T> Checked<T> stop(Refusal refusal) {
        return new Stopped<>(refusal);
    }

    /** {@code value} when {@code holds}, else the refusal. */
    static <T> Checked<T> when(boolean holds, Supplier<T> value, Supplier<Refusal> otherwise) {
        return holds ? new Passed<>(value.get()) : new Stopped<>(otherwise.get());
    }

    /** Still passed when {@code holds} is true of the value; stopped with {@code otherwise} when not. */
    default Checked<T> check(Predicate<? super T> holds, Function<? super T, Refusal> otherwise) {
        return switch (this) {
            case Passed<T> p -> holds.test(p.value()) ? p : new Stopped<>(otherwise.apply(p.value()));
            case Stopped<T> s -> s;
        };
    }

    /** A further guard that narrows the value. */
    default <U> Checked<U> andThen(Function<? super T, Checked<U>> next) {
        return switch (this) {
            case Passed<T> p -> next.apply(p.value());
            case Stopped<T> s -> new Stopped<>(s.refusal());
        };
    }

    /** The decision from the checked value, or the refusal. */
    default <E> Decision<E> then(Function<? super T, Decision<E>> decide) {
        return switch (this) {
            case Passed<T> p -> decide.apply(p.value());
            case Stopped<T> s -> Decision.refuse(s.refusal());
        };
    }
}
