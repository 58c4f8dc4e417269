package org.joinedup.events;

/** A message that cannot be read as an event of the catalogue; the message says why. */
public class MalformedEventException extends IllegalArgumentException {
    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
