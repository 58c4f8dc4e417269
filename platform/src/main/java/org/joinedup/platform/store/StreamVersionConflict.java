package org.joinedup.platform.store;

import org.joinedup.platform.http.ProblemException;

/** Another writer appended to the stream first: optimistic concurrency says 409. */
public class StreamVersionConflict extends ProblemException {
    public StreamVersionConflict(String streamId, int expectedVersion) {
        super(409, "stream-version-conflict", "The record was changed by someone else",
                "expected version " + expectedVersion + " of " + streamId + " but another change came first; "
                        + "read it again and retry");
    }
}
