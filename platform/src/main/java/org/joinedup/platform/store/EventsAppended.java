package org.joinedup.platform.store;

import java.util.List;

/**
 * A CDI event fired by {@link EventStore#append} inside the appending transaction, once the events
 * are written: read models that follow the service's own events observe it and change in the same
 * transaction, so a request reads its own writes and nothing is written half.
 */
public record EventsAppended(List<StoredEvent> events) {
}
