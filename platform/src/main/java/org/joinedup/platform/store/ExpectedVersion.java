package org.joinedup.platform.store;

/**
 * What a writer believes a stream's version is (the number of its events): {@link #any()} when it
 * does not say, or exactly one version, checked after the decider has spoken and before anything is
 * appended ({@link WrongExpectedVersion} when the stream has moved on). The web edge turns an
 * {@code If-Match} header into one; the store knows nothing of headers.
 */
public sealed interface ExpectedVersion {

    /** No expectation: the command applies to the stream as it is now. */
    record Any() implements ExpectedVersion {
    }

    /** The stream must be at {@code version}; a negative version is one no stream ever has. */
    record Exactly(int version) implements ExpectedVersion {
    }

    static ExpectedVersion any() {
        return new Any();
    }

    static ExpectedVersion exactly(int version) {
        return new Exactly(version);
    }

    /** @throws WrongExpectedVersion when the stream, at {@code current}, is not where the writer expects */
    default void check(String streamId, int current) {
        if (this instanceof Exactly e && e.version() != current) {
            throw new WrongExpectedVersion(streamId, e.version(), current);
        }
    }
}
