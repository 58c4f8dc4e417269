package org.joinedup.platform.command;

import org.joinedup.platform.store.StoredEvent;

import java.util.List;

/**
 * A command carried out: the stream's state and version after it, and the events it appended (none
 * for a repeat that changed nothing).
 */
public record Handled<S>(S state, int version, List<StoredEvent> appended) {
    public Handled {
        appended = List.copyOf(appended);
    }

    public boolean changed() {
        return !appended.isEmpty();
    }

    /** The first event appended; the command must have appended one. */
    public StoredEvent first() {
        return appended.get(0);
    }
}
