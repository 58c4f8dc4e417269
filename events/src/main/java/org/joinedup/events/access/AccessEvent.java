package org.joinedup.events.access;

import org.joinedup.events.EventPayload;

/**
 * The one event of an access record's stream ({@code access-<accessId>}): a read, or a read the policy refused. A sealed family: a
 * decider's or a fold's {@code switch} over it is checked for every case by the compiler.
 */
public sealed interface AccessEvent extends EventPayload
        permits RecordAccessed, RecordAccessRefused {
}
