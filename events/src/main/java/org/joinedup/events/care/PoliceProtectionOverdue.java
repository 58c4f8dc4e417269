package org.joinedup.events.care;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code police-protection-overdue} v1: 72 hours passed ({@code endsBy}) and the police protection was not
 * recorded as ended: no child may be kept in police protection longer. Recorded once.
 */
public record PoliceProtectionOverdue(UUID protectionId, UUID childId, String policeAgency, String localAuthority, Instant endsBy,
                                      Instant detectedAt) implements PoliceProtectionEvent {
    @Override
    public String subject() {
        return childId.toString();
    }

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
