package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code police-protection-ended} v1: the child left police protection ({@code outcome}: {@code returned-home},
 * {@code accommodated-by-local-authority}, {@code emergency-protection-order} or {@code other}).
 */
public record PoliceProtectionEnded(UUID protectionId, UUID childId, String policeAgency, String localAuthority, String outcome,
                                    String note, Instant endedAt, String recordedBy) implements PoliceProtectionEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return endedAt;
    }
}
