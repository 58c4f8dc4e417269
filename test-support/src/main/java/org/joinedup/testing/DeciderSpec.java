package org.joinedup.testing;

import org.joinedup.platform.decide.Decider;
import org.joinedup.platform.decide.Decision;
import org.joinedup.platform.decide.Refusal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A decider's tests as a specification: given past events, when a command, then these events, or a
 * refusal naming its rule. No Quarkus, no database, no status codes.
 * <pre>{@code
 * DeciderSpec.of(new ConcernDecider())
 *         .given(raised)
 *         .when(new ConcernCommand.Withdraw(id, "met-police", "pc-7", "wrong child", NOW))
 *         .then(new ConcernWithdrawn(...));
 * }</pre>
 */
public final class DeciderSpec<C, S, E> {
    private final Decider<C, S, E> decider;
    private final List<E> history = new ArrayList<>();

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    /** Past events of the stream, oldest first (added to any given before). */
    @SafeVarargs
    public final DeciderSpec<C, S, E> given(E... events) {
        return given(Arrays.asList(events));
    }

    public DeciderSpec<C, S, E> given(List<? extends E> events) {
        history.addAll(events);
        return this;
    }

    /** Past commands, each accepted, whose events become the history (a convenient way to set a stream up). */
    @SafeVarargs
    public final DeciderSpec<C, S, E> givenAccepted(C... commands) {
        for (C command : commands) {
            history.addAll(accepted(command));
        }
        return this;
    }

    /** The state the history folds to. */
    public S state() {
        return decider.fold(history);
    }

    /** The history so far. */
    public List<E> history() {
        return List.copyOf(history);
    }

    public Then when(C command) {
        return new Then(decider.decide(command, state()));
    }

    /** The events the command is accepted with; fails when it is refused. */
    public List<E> accepted(C command) {
        return new Then(decider.decide(command, state())).events();
    }

    /** What the command decided. */
    public final class Then {
        private final Decision<E> decision;

        Then(Decision<E> decision) {
            this.decision = decision;
        }

        /** Accepted with exactly these events; they join the history. */
        @SafeVarargs
        public final DeciderSpec<C, S, E> then(E... expected) {
            assertEquals(List.of(expected), events());
            history.addAll(List.of(expected));
            return DeciderSpec.this;
        }

        /** Accepted, recording nothing (an idempotent repeat). */
        public DeciderSpec<C, S, E> thenNothing() {
            assertEquals(List.of(), events());
            return DeciderSpec.this;
        }

        /** Accepted; the events are checked by {@code check} and join the history. */
        public DeciderSpec<C, S, E> thenEvents(Consumer<List<E>> check) {
            List<E> events = events();
            check.accept(events);
            history.addAll(events);
            return DeciderSpec.this;
        }

        /** Accepted: the events, for further checks. */
        public List<E> events() {
            return switch (decision) {
                case Decision.Accepted<E> a -> a.events();
                case Decision.Refused<E> r -> fail("expected events, but the command was refused: " + r.refusal());
            };
        }

        /** Refused with a refusal of this kind; returned for further checks. */
        public <R extends Refusal> R refused(Class<R> kind) {
            return switch (decision) {
                case Decision.Accepted<E> a -> fail("expected a refusal, but the command was accepted with " + a.events());
                case Decision.Refused<E> r -> assertInstanceOf(kind, r.refusal());
            };
        }

        /** Refused as a conflict with the named rule. */
        public Refusal.Conflict conflict(String rule) {
            Refusal.Conflict c = refused(Refusal.Conflict.class);
            assertEquals(rule, c.rule());
            return c;
        }

        /** Refused as forbidden by the named rule. */
        public Refusal.Forbidden forbidden(String rule) {
            Refusal.Forbidden f = refused(Refusal.Forbidden.class);
            assertEquals(rule, f.rule());
            return f;
        }

        /** Refused: the record is not there for the caller. */
        public Refusal.NotFound notFound() {
            return refused(Refusal.NotFound.class);
        }

        /** Refused: the named field breaks the named rule. */
        public Refusal.Invalid invalid(String field, String rule) {
            Refusal.Invalid i = refused(Refusal.Invalid.class);
            assertEquals(List.of(field + " " + rule), i.violations().stream().map(v -> v.field() + " " + v.rule()).toList());
            return i;
        }

        /** Refused: the named field names something that cannot be used. */
        public Refusal.Unusable unusable(String field, String rule) {
            Refusal.Unusable u = refused(Refusal.Unusable.class);
            assertEquals(field + " " + rule, u.violation().field() + " " + u.violation().rule());
            return u;
        }
    }
}
