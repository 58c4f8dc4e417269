package org.joinedup.platform.store;

/** The writer expected another version of the stream than the one it is at (over HTTP: 412, If-Match stale). */
public class WrongExpectedVersion extends RuntimeException {
    private final int expected;
    private final int current;

    public WrongExpectedVersion(String streamId, int expected, int current) {
        super("expected version " + expected + " of " + streamId + " but it is at " + current, null, false, false);
        this.expected = expected;
        this.current = current;
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }
}
