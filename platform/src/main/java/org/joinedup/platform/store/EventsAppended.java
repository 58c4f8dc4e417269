package org.joinedup.platform.store;

import java.util.List;

/**
 * A CDI event fired by the {@code CommandHandler} inside the appending transaction, once the events
 * are written and the stream's own read model is refreshed. Observers that follow the service's own
 * events (the need-to-know relationships, the bigger-picture rules) change in the same transaction, so
 * a request reads its own writes and nothing is written half; an observer
 * {@code during = TransactionPhase.AFTER_SUCCESS} (the outbox relay's wake-up) runs once it committed.
 */
public record EventsAppended(List<StoredEvent> events) {
}
