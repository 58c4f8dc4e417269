package org.joinedup.platform.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a {@link Decider} answers a command: the events it records (none for a repeat that changes
 * nothing), or the {@link Refusal} naming the rule it breaks.
 */
public sealed interface Decision<E> {

    /** The command is carried out: these events are appended, in this order (none: nothing changes). */
    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The command breaks a rule: nothing is appended. */
    record Refused<E>(Refusal refusal) implements Decision<E> {
    }

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Decision<E> accept(List<? extends E> events) {
        return new Accepted<>(List.copyOf(events));
    }

    /** An idempotent repeat: accepted, nothing to record. */
    static <E> Decision<E> none() {
        return new Accepted<>(List.of());
    }

    static <E> Decision<E> refuse(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /** The events, after {@code first} (say, the clocks that ran out before the command). */
    static <E> Decision<E> accept(List<? extends E> first, E then) {
        List<E> all = new ArrayList<>(first);
        all.add(then);
        return new Accepted<>(all);
    }

    /** The same decision over a wider event type (a family's member as the family). */
    default <F> Decision<F> map(Function<? super E, ? extends F> widen) {
        return switch (this) {
            case Accepted<E> a -> new Accepted<>(a.events().stream().<F>map(widen).toList());
            case Refused<E> r -> new Refused<>(r.refusal());
        };
    }
}
