package org.joinedup.platform.command;

import org.joinedup.events.EventPayload;
import org.joinedup.platform.decide.Decider;

/**
 * One kind of event stream as a service runs it: how an id names a stream ({@code prefix + id}, such
 * as {@code referral-<id>}), the decider that guards it, and the read model the
 * {@link CommandHandler} refreshes from it in the command's transaction.
 *
 * @param events the stream's event family, so an event of another family in the stream fails loudly
 */
public record StreamKind<C, S, E extends EventPayload>(String prefix, Class<E> events, Decider<C, S, E> decider,
                                                       ReadModel<S> readModel) {

    /** What is kept from a stream after a command appended to it: the state, and what was appended. */
    @FunctionalInterface
    public interface ReadModel<S> {
        void changed(S state, java.util.List<org.joinedup.platform.store.StoredEvent> appended);

        static <S> ReadModel<S> none() {
            return (state, appended) -> {
            };
        }
    }

    /** A stream kind whose events are kept only in the event store (and travel on from there). */
    public static <C, S, E extends EventPayload> StreamKind<C, S, E> of(String prefix, Class<E> events,
                                                                        Decider<C, S, E> decider) {
        return new StreamKind<>(prefix, events, decider, ReadModel.none());
    }

    /** The same kind, keeping {@code readModel} from it. */
    public StreamKind<C, S, E> keeping(ReadModel<S> readModel) {
        return new StreamKind<>(prefix, events, decider, readModel);
    }

    public String streamId(Object id) {
        return prefix + id;
    }
}
