package org.joinedup.events.concern;


import java.time.Instant;
import java.util.UUID;

/**
 * {@code child-records-linked} v1: a safeguarding lead decided that two child records are the same
 * child. From now on the two are read as one: views, bigger-picture rules and chronologies. Nothing
 * is merged or rewritten; unlinking separates them again.
 *
 * @param childId       the record the lead started from (the Kafka key)
 * @param linkedChildId the record linked to it
 * @param candidateId   the review-queue candidate the decision answers, or null when the lead linked
 *                      the records directly
 * @param reason        why the lead is satisfied they are the same child
 */
public record ChildRecordsLinked(UUID linkId, UUID childId, UUID linkedChildId, UUID candidateId, String reason,
                                 String linkedBy, Instant linkedAt) implements ChildLinkEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return linkedAt;
    }
}
