package org.joinedup.platform.store;

/**
 * Another writer appended to the stream between this command's read and its append: optimistic
 * concurrency refused the second (over HTTP: 409 stream-version-conflict; read again and retry).
 */
public class StreamVersionConflict extends RuntimeException {
    private final String streamId;
    private final int expectedVersion;

    public StreamVersionConflict(String streamId, int expectedVersion) {
        super("expected version " + expectedVersion + " of " + streamId + " but another change came first", null, false, false);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }
}
